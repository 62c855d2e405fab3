package com.example.websockets.classroom;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.app.ChapterStep;
import com.example.websockets.broker.Broker;
import io.javalin.Javalin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dtry}: starts a student's step as the real app would, on {@code PORT} (8000), for the
 * clients in {@code examples/}. A step made with a {@code Broker} starts twice, sharing one, as
 * step 6 runs two instances: on {@code PORT} and the port after it.
 */
final class TryServer {

    private TryServer() {
    }

    static void start(Exercise exercise) {
        Class<? extends ChapterStep> type = exercise.stepClass();
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8000"));
        boolean twice = takesBroker(type);
        try {
            if (twice) {
                Broker broker = Broker.local();
                for (int instance = 0; instance < 2; instance++) {
                    start(exercise, type.getConstructor(Broker.class).newInstance(broker),
                            port + instance);
                }
            } else {
                start(exercise, type.getConstructor().newInstance(), port);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot start " + exercise.name() + ": " + e, e);
        }
        System.out.println("Ctrl+C stops " + (twice ? "both servers." : "the server."));
    }

    private static boolean takesBroker(Class<?> type) {
        return List.of(type.getConstructors()).stream()
                .anyMatch(made -> List.of(made.getParameterTypes()).equals(List.of(Broker.class)));
    }

    private static void start(Exercise exercise, ChapterStep step, int port) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PORT", String.valueOf(port));
        Javalin app = WebSocketsApp.create(environment, List.of(step)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        System.out.println(
                exercise.name() + " is running. " + step.howToTry("localhost:" + app.port()));
    }
}
