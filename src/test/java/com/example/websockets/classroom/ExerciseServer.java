package com.example.websockets.classroom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.rules.ChapterStep;
import com.example.websockets.rules.Settings;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs an exercise's step in the same app as the chapter's steps, with the same socket rules,
 * on a free port. Use it in try-with-resources so the server stops after each test.
 */
public final class ExerciseServer implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Javalin app;
    private final SocketCount sockets;
    // How many of the test's clients are connected, as the test sees it.
    private final AtomicInteger peersOpen = new AtomicInteger();

    private ExerciseServer(Javalin app, SocketCount sockets) {
        this.app = app;
        this.sockets = sockets;
    }

    public static ExerciseServer start(ChapterStep step) {
        SocketCount sockets = new SocketCount(new AtomicInteger(), new AtomicInteger());
        Javalin app = WebSocketsApp.create(Settings.DEFAULTS, List.of(step, sockets));
        return new ExerciseServer(app.start("127.0.0.1", 0), sockets);
    }

    public int port() {
        return app.port();
    }

    int opened() {
        return sockets.opened().get();
    }

    /** Waits until the step's own onConnect has run for the client that just connected. */
    void peerConnected(int openedBefore, String who) {
        peersOpen.incrementAndGet();
        waitFor(() -> sockets.opened().get() > openedBefore, who + " connected, but the server's onConnect had not"
                + " finished " + WAIT.toSeconds() + " s later: does it sleep, wait or loop? A handler must return quickly.");
    }

    /** Waits until the step's own onClose has run for a client whose connection just closed. */
    void peerClosed(String who) {
        int open = peersOpen.decrementAndGet();
        waitFor(() -> sockets.openNow() == open, who + "'s connection closed, but the server's onClose had not finished "
                + WAIT.toSeconds() + " s later: does it sleep, wait or loop? A handler must return quickly.");
    }

    private static void waitFor(Callable<Boolean> condition, String failure) {
        try {
            await().atMost(WAIT).until(condition);
        } catch (ConditionTimeoutException e) {
            fail(failure);
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    // wsAfter runs once the step's own handler has finished, so a test never races the step.
    private record SocketCount(AtomicInteger opened, AtomicInteger closed) implements ChapterStep {

        int openNow() {
            return opened.get() - closed.get();
        }

        @Override
        public String name() {
            return "socket-count";
        }

        @Override
        public void addTo(JavalinConfig config) {
            config.routes.wsAfter(ws -> {
                ws.onConnect(ctx -> opened.incrementAndGet());
                ws.onClose(ctx -> closed.incrementAndGet());
            });
        }

        @Override
        public String howToTry(String hostAndPort) {
            return "";
        }
    }
}
