package exercises.messagecounter;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;

/** Exercise 02, on step 1: an echo that numbers each client's messages. */
public final class CountingEcho implements ChapterStep {

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/ws", ws -> {
            // TODO: "Message 1 received: hi", then 2, 3, ... counted for each client on its own
            ws.onMessage(ctx -> ctx.send("Message received: " + ctx.message()));
        });
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java ws://" + hostAndPort + "/ws in two terminals";
    }
}
