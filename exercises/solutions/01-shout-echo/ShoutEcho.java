package exercises.shoutecho;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import java.util.Locale;

/** Exercise 01, on step 1: an echo that answers in capitals. */
public final class ShoutEcho implements ChapterStep {

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/ws", ws -> {
            ws.onMessage(ctx ->
                    ctx.send("Message received: " + ctx.message().toUpperCase(Locale.ROOT)));
        });
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java ws://" + hostAndPort + "/ws";
    }
}
