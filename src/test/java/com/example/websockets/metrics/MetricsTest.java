package com.example.websockets.metrics;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.Steps;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.chat.ChatEndpoint;
import com.example.websockets.hub.HubEndpoint;
import com.example.websockets.testing.OpenSockets;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code GET /metrics} speaks Prometheus' text format, and its figures follow the traffic. */
@Timeout(30)
class MetricsTest {

    // A sample line: name, optional {labels}, value.
    private static final Pattern SAMPLE =
            Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)");

    @Test
    void metrics_parse_as_prometheus_text_and_move_with_the_traffic() {
        Map<String, String> env =
                Map.of("CHAT_MESSAGES_PER_SECOND", "2", "CHAT_MESSAGE_BURST", "3");
        Javalin app = WebSocketsApp.create(env, List.of(new ChatEndpoint()));
        JavalinTest.test(app, (server, http) -> {
            Map<String, Double> before = scrape(http);
            TestSocket alice = TestSocket.connect(server.port(), "/chat");
            TestSocket bob = TestSocket.connect(server.port(), "/chat");
            OpenSockets.await(server.port(), "/chat", 2); // or Bob may join after "one"
            alice.send("one");
            alice.send("two");
            alice.expect("User says: one");
            alice.expect("User says: two");
            bob.next(2);

            // A message is counted after its handler ran, which may be after Bob has it.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(2.0, grew(
                    before, scrape(http), "websocket_messages_received_total{path=\"/chat\"}")));
            Map<String, Double> after = scrape(http);
            assertEquals(2.0, after.get("websocket_connections_open{path=\"/chat\"}"));
            assertTrue(grew(before, after, "websocket_frames_sent_total") >= 4, after.toString());
            assertTrue(after.get("jvm_threads_live_threads") > 0);
            assertTrue(after.keySet().stream()
                    .anyMatch(name -> name.startsWith("jvm_memory_used_bytes{")));

            // One more than the burst, and no more: a message sent after the server's 1008 may
            // draw a reset that reaches Bob before the close does.
            IntStream.rangeClosed(1, 4).forEach(i -> bob.send("flood " + i));
            assertEquals(1008, bob.awaitClose().code());
            assertEquals(1.0,
                    grew(before, scrape(http), "websocket_forced_closes_total{code=\"1008\"}"));
        });
    }

    @Test
    void notifications_published_and_delivered_are_counted() {
        Map<String, String> env = Map.of("PUBLISH_TOKEN", "t");
        JavalinTest.test(WebSocketsApp.create(env, List.of(Steps.hub(env))), (server, http) -> {
            Map<String, Double> before = scrape(http);
            TestSocket orders = TestSocket.connect(server.port(), "/hub?topics=orders");
            TestSocket all = TestSocket.connect(server.port(), "/hub");
            orders.expect("{\"type\":\"subscribed\",\"topics\":[\"orders\"]}");
            all.expect("{\"type\":\"subscribed\",\"topics\":[\"*\"]}");
            for (int i = 0; i < 3; i++) {
                var answer = http.post("/api/notifications",
                        "{\"topic\":\"orders\",\"title\":\"n\"}",
                        request -> request.header("Authorization", "Bearer t")
                                .header("Content-Type", "application/json"));
                assertEquals(202, answer.code());
            }
            orders.next(3);
            all.next(3);
            // A delivery is counted after the sends, which may be after the subscribers have it.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(6.0,
                    grew(before, scrape(http), "notifications_delivered_total")));
            Map<String, Double> after = scrape(http);
            assertEquals(3.0, grew(before, after, "notifications_published_total"));
            assertEquals(2.0, after.get("websocket_connections_open{path=\"/hub\"}"));
            // Each timer reports how late it ran once it has run: the dashboard's, every second.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertTrue(
                    scrape(http).containsKey(
                            "scheduler_lateness_seconds_max{scheduler=\"dashboard\"}")));
        });
    }

    /** Every sample of the page; fails on a line that isn't a comment or a sample. */
    private static Map<String, Double> scrape(HttpClient http) {
        var response = http.get("/metrics");
        assertEquals(200, response.code());
        assertTrue(response.headers().get("Content-Type").get(0).startsWith("text/plain"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().string().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertTrue(sample.matches(), "not Prometheus text: " + line);
            samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
        }
        return samples;
    }

    private static double grew(Map<String, Double> before, Map<String, Double> after, String name) {
        assertTrue(after.containsKey(name), name + " missing from " + after.keySet());
        return after.get(name) - before.getOrDefault(name, 0.0);
    }
}
