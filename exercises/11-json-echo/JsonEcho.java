package exercises.jsonecho;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;

/** Exercise 11, on step 4: an echo that speaks typed JSON, as the rooms chat does. */
public final class JsonEcho implements ChapterStep {

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/json", ws -> {
            // TODO: {"type": "shout", "text": "hi"} gets {"type": "echo", "text": "HI"};
            //       a bad message gets {"type": "error", "code": ..., "reason": ...}
            ws.onMessage(ctx -> ctx.send("Message received: " + ctx.message()));
        });
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java ws://" + hostAndPort
                + "/json and type {\"type\": \"shout\", \"text\": \"hi\"}";
    }
}
