package com.example.websockets.notifications;

import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.Browser;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The notifications page at {@code /notifications}, in a real headless Chromium. */
@Timeout(60)
class NotificationsPageTest {

    private static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @Test
    void a_stream_shows_five_timed_notifications_then_the_close_and_another_can_start() {
        var app = WebSocketsApp.create(Map.of(), List.of(new NotificationEndpoint(
                Duration.ofMillis(100), Executors.newSingleThreadScheduledExecutor())));
        try (Browser browser = Browser.open()) {
            JavalinTest.test(app, (server, http) -> {
                browser.load(server.port(), "/notifications");
                assertEquals("not connected", browser.text("status"));

                browser.find("start").click();
                browser.awaitAsserted(() -> assertEquals(6, browser.messages().size(),
                        browser.messages().toString()));
                List<String> shown = browser.messages();
                for (int i = 1; i <= 5; i++) {
                    String line = shown.get(i - 1);
                    assertTrue(line.matches(
                            TIME + "🔔 Notification " + i + ": Something happened!"), line);
                }
                assertTrue(shown.get(5).matches(
                        TIME + "Stream closed: 1000 All notifications sent"), shown.get(5));
                assertEquals("closed (1000 All notifications sent)", browser.text("status"));
                assertTrue(browser.find("start").isEnabled(),
                        "the learner can start another stream");

                browser.find("start").click();
                browser.awaitAsserted(() -> assertEquals(12, browser.messages().size()));
            });
        }
    }
}
