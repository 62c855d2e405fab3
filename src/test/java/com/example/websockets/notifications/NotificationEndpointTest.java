package com.example.websockets.notifications;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class NotificationEndpointTest {

    private static final List<String> FIVE_NOTIFICATIONS = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> "🔔 Notification " + i + ": Something happened!").toList();

    private final NotificationEndpoint notifications = new NotificationEndpoint(
            Duration.ofMillis(50), Executors.newSingleThreadScheduledExecutor());
    // 300 subscribers from one address: the per-address cap is lifted (it has a test of its own).
    private final Javalin app = WebSocketsApp.create(Map.of("MAX_CONNECTIONS_PER_ADDRESS", "0"),
            List.of(notifications));

    @Test
    void five_numbered_notifications_arrive_in_order_then_a_normal_close() {
        JavalinTest.test(app, (server, http) -> {
            TestSocket subscriber = TestSocket.connect(server.port(), "/notifications");
            assertEquals(FIVE_NOTIFICATIONS, subscriber.next(5));
            assertEquals(new TestSocket.Close(1000, NotificationEndpoint.DONE_REASON),
                    subscriber.awaitClose());
        });
    }

    @Test
    void a_subscriber_that_leaves_early_stops_its_schedule() {
        JavalinTest.test(app, (server, http) -> {
            TestSocket early = TestSocket.connect(server.port(), "/notifications");
            early.next(2);
            early.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> notifications.activeSchedules() == 0);

            TestSocket next = TestSocket.connect(server.port(), "/notifications");
            assertEquals(FIVE_NOTIFICATIONS, next.next(5));
            assertEquals(1000, next.awaitClose().code());
        });
    }

    @Test
    void many_subscribers_share_a_few_threads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JavalinTest.test(app, (server, http) -> {
            int subscribers = 300;
            int before = threads.getThreadCount();
            threads.resetPeakThreadCount();
            List<TestSocket> all = IntStream.range(0, subscribers)
                    .mapToObj(i -> TestSocket.connect(server.port(), "/notifications")).toList();
            for (TestSocket subscriber : all) {
                assertEquals(FIVE_NOTIFICATIONS, subscriber.next(5));
                assertEquals(1000, subscriber.awaitClose().code());
            }
            int added = threads.getPeakThreadCount() - before;
            // A thread per waiting subscriber would add about 300.
            assertTrue(added < 60,
                    "threads added while serving " + subscribers + " subscribers: " + added);
        });
    }
}
