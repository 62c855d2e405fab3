package com.example.websockets.production;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.AppProcess;
import com.example.websockets.testing.TestSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever a client sends, it can't write a line of the server's log: text of the client's that a
 * log line quotes has its control characters shown, not obeyed. The app runs in a JVM of its own,
 * so that the test reads its real log.
 */
@Timeout(60)
class LogForgingTest {

    private static final String FORGED = "x%0A[main] WARN forged by a client";

    @Test
    void a_newline_in_a_topic_shows_in_the_log_as_text_and_starts_no_line() throws Exception {
        try (AppProcess app = AppProcess.start("hub", Map.of())) {
            HttpResponse<String> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port + "/api/notifications/stream?topics="
                            + FORGED.replace(" ", "%20").replace("[", "%5B").replace("]", "%5D")))
                    .header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, stream.statusCode());
            assertEquals(400, TestSocket.refusedHandshake(app.port, "/hub?topics="
                    + FORGED.replace(" ", "%20").replace("[", "%5B").replace("]", "%5D"),
                    Map.of()));
            await().atMost(Duration.ofSeconds(10)).until(() -> app.output().lines()
                    .filter(line -> line.contains("forged by a client")).count() == 2);
            assertTrue(app.output().lines()
                    .noneMatch(line -> line.startsWith("[main] WARN forged")), app.output());
            assertTrue(app.output().contains("\\u000a[main] WARN forged by a client"),
                    "shown, not obeyed");
        }
    }
}
