package com.example.websockets.notifications;

import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.chapter.ChapterOutputs;
import com.example.websockets.testing.ExampleProcess;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code examples/NotificationsClient.java}, run as a learner runs it, against the notifications
 * step.
 */
@Timeout(120)
class NotificationsClientTest {

    private final Javalin app = WebSocketsApp.create(Map.of(), List.of(new NotificationEndpoint(
            Duration.ofMillis(100), Executors.newSingleThreadScheduledExecutor())));

    @Test
    void notifications_client_prints_five_notifications_and_the_close() {
        JavalinTest.test(app, (server, http) -> {
            try (ExampleProcess client = ExampleProcess.start("NotificationsClient.java",
                    server.port(), "/notifications")) {
                assertTrue(client.nextLine().startsWith("Subscribed to "));
                List<String> expected = IntStream.rangeClosed(1, 5)
                        .mapToObj(i -> "🔔 Notification " + i + ": Something happened!").toList();
                assertEquals(expected, client.nextLines(5));
                client.expectLine("Closed by the server: 1000 All notifications sent");
                assertEquals(0, client.awaitExit());
                ChapterOutputs.check("notifications-client", client.transcript());
            }
        });
    }
}
