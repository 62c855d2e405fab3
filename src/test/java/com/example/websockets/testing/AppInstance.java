package com.example.websockets.testing;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.app.ChapterStep;
import com.example.websockets.app.Variables;
import io.javalin.Javalin;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One instance of the app in the test's JVM, for the tests of several instances (step 6), made
 * the way {@code main} makes it: its steps share the broker that {@code env} names. Closing stops
 * the app first, then its broker.
 */
public record AppInstance(Javalin app, WebSocketsApp.Parts parts) implements AutoCloseable {

    /** Starts the steps of these names on {@code port} (0: any free one). */
    public static AppInstance start(Map<String, String> env, int port, String... steps) {
        WebSocketsApp.Parts parts = new WebSocketsApp.Parts(Variables.of(env));
        List<ChapterStep> chosen = Arrays.stream(steps)
                .flatMap(name -> WebSocketsApp.select(name, parts).stream()).toList();
        return new AppInstance(WebSocketsApp.create(Variables.of(env), chosen).start(port), parts);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        parts.close();
    }
}
