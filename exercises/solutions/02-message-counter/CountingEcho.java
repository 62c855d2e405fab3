package exercises.messagecounter;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 02, on step 1: an echo that numbers each client's messages. */
public final class CountingEcho implements ChapterStep {

    private static final String COUNT = "count";

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/ws", ws -> {
            // Each connection gets its own counter; a field here would be shared by all of them.
            ws.onConnect(ctx -> ctx.attribute(COUNT, new AtomicInteger()));
            ws.onMessage(ctx -> {
                AtomicInteger count = ctx.attribute(COUNT);
                ctx.send("Message " + count.incrementAndGet() + " received: " + ctx.message());
            });
        });
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java ws://" + hostAndPort + "/ws in two terminals";
    }
}
