package com.example.websockets.testing;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.rules.Broker;
import com.example.websockets.rules.ChapterStep;
import com.example.websockets.rules.Settings;
import io.javalin.Javalin;
import java.util.List;
import java.util.function.Function;

/**
 * One instance of the app in the test's JVM, for the tests of several instances (step 6): its
 * steps share the broker that {@code settings} name. Closing stops the app first, then its broker.
 */
public record AppInstance(Javalin app, Broker broker) implements AutoCloseable {

    /** Starts {@code steps}, made with this instance's broker, on {@code port} (0: any free one). */
    public static AppInstance start(Settings settings, int port, Function<Broker, List<ChapterStep>> steps) {
        Broker broker = Broker.from(settings);
        return new AppInstance(WebSocketsApp.create(settings, steps.apply(broker)).start(port), broker);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        broker.close();
    }
}
