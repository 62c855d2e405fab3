package exercises.live;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;

/**
 * The blank app that a teacher live-codes steps 1 to 3 of CHAPTER.md into, in front of the
 * class: Javalin is wired (with the same socket rules as the chapter's app), and no step is.
 * {@code ./mvnw -q -Pprogress -Dexercise=live} runs the chapter's story as tests against it.
 */
public final class LiveApp implements ChapterStep {

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.get("/live", ctx -> ctx.result("Live coding: steps 1 to 3 go in LiveApp"));
        // Step 1: a WebSocket route, /ws, that answers "Message received: <text>".
        // Step 2: a chat, /chat, that sends "User says: <text>" to everyone.
        // Step 3: notifications, /notifications: five, two seconds apart, then a normal close.
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Open http://" + hostAndPort + "/live, then run java examples/EchoClient.java";
    }
}
