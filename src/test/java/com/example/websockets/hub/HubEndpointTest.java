package com.example.websockets.hub;

import com.example.websockets.testing.Steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class HubEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Javalin app(Map<String, String> env) {
        Map<String, String> withToken = new HashMap<>(Map.of("PUBLISH_TOKEN", Publisher.TOKEN));
        withToken.putAll(env);
        return WebSocketsApp.create(withToken, List.of(Steps.hub(withToken)));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(text, e);
        }
    }

    /** What the hub says once a subscriber is in: after what it missed, before anything new. */
    static String subscribed(String... topics) {
        return "{\"type\":\"subscribed\",\"topics\":[" + String.join(",",
                java.util.Arrays.stream(topics).map(topic -> "\"" + topic + "\"").toList()) + "]}";
    }

    /** A subscriber that the hub has taken in, so that what is published next reaches it. */
    static TestSocket subscriber(int port, String topics) {
        TestSocket socket =
                TestSocket.connect(port, topics.isEmpty() ? "/hub" : "/hub?topics=" + topics);
        socket.expect(subscribed(topics.isEmpty() ? new String[] {"*"} : topics.split(",")));
        return socket;
    }

    @Test
    void a_published_notification_reaches_the_subscribers_of_its_topic_only() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            TestSocket orders = subscriber(server.port(), "orders");
            TestSocket lab = subscriber(server.port(), "lab");
            TestSocket everything = subscriber(server.port(), "");
            HttpResponse<String> answer = Publisher.post(server.port(),
                    "{\"topic\":\"orders\",\"title\":\"Order 17 shipped\",\"body\":\"By truck\","
                            + "\"level\":\"success\"}");
            assertEquals(202, answer.statusCode(), answer.body());
            long id = json(answer.body()).get("id").asLong();

            for (TestSocket subscriber : List.of(orders, everything)) {
                JsonNode notification = json(subscriber.next());
                assertEquals("notification", notification.get("type").asText());
                assertEquals(id, notification.get("id").asLong());
                assertEquals("orders", notification.get("topic").asText());
                assertEquals("Order 17 shipped", notification.get("title").asText());
                assertEquals("By truck", notification.get("body").asText());
                assertEquals("success", notification.get("level").asText());
                assertTrue(notification.get("time").asText().endsWith("Z"),
                        notification.toString());
            }
            Publisher.publish(server.port(), "lab", "Result ready");
            assertEquals("Result ready", json(lab.next()).get("title").asText());
            assertEquals("lab", json(everything.next()).get("topic").asText());
            assertNull(orders.poll(Duration.ofMillis(300)), "orders never gets lab's notification");
        });
    }

    @Test
    void ids_grow_and_each_subscriber_gets_them_in_order() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            TestSocket subscriber = subscriber(server.port(), "a,b");
            List<Long> published = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                published.add(Publisher.publish(server.port(), i % 2 == 0 ? "a" : "b", "n" + i));
            }
            List<Long> received = subscriber.next(30).stream()
                    .map(text -> json(text).get("id").asLong()).toList();
            assertEquals(published, received);
            assertEquals(published.stream().sorted().toList(), published);
        });
    }

    @Test
    void a_subscriber_can_change_its_topics_over_the_socket() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            TestSocket subscriber = subscriber(server.port(), "orders");
            subscriber.send("{\"type\":\"subscribe\",\"topics\":[\"lab\"]}");
            assertEquals("{\"type\":\"subscribed\",\"topics\":[\"lab\"]}", subscriber.next());
            Publisher.publish(server.port(), "orders", "not for me any more");
            Publisher.publish(server.port(), "lab", "for me");
            assertEquals("for me", json(subscriber.next()).get("title").asText());

            subscriber.send("{\"type\":\"subscribe\",\"topics\":[\"Not A Topic\"]}");
            JsonNode error = json(subscriber.next());
            assertEquals("error", error.get("type").asText());
            assertEquals("bad-subscribe", error.get("code").asText());
            subscriber.send("not json");
            assertEquals("bad-json", json(subscriber.next()).get("code").asText());
        });
    }

    @Test
    void a_subscriber_that_floods_topic_changes_is_closed_with_1008() {
        JavalinTest.test(app(Map.of("CHAT_MESSAGES_PER_SECOND", "1",
                "CHAT_MESSAGE_BURST", "5")), (server, http) -> {
            TestSocket eager = subscriber(server.port(), "orders");
            IntStream.rangeClosed(1, 6).forEach(
                    i -> eager.send("{\"type\":\"subscribe\",\"topics\":[\"orders\"]}"));
            assertEquals(new TestSocket.Close(1008,
                    "Too many messages: at most 1 a second, 5 at once"), eager.awaitClose());
        });
    }

    @Test
    void a_subscriber_that_comes_back_gets_what_it_missed_once_and_in_order() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            TestSocket first = subscriber(server.port(), "orders,lab");
            long seen = Publisher.publish(server.port(), "orders", "seen");
            assertEquals(seen, json(first.next()).get("id").asLong());
            first.abort();

            List<Long> missed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                missed.add(Publisher.publish(server.port(), i % 2 == 0 ? "lab" : "orders",
                        "missed " + i));
            }
            Publisher.publish(server.port(), "other", "never wanted");
            TestSocket back =
                    TestSocket.connect(server.port(), "/hub?topics=orders,lab&after=" + seen);
            List<Long> caughtUp = back.until(subscribed("orders", "lab")).stream()
                    .map(text -> json(text).get("id").asLong()).toList();
            assertEquals(missed, caughtUp);
            long later = Publisher.publish(server.port(), "orders", "after coming back");
            assertEquals(later, json(back.next()).get("id").asLong());
            assertNull(back.poll(Duration.ofMillis(300)), "nothing twice");
        });
    }

    @Test
    void a_subscriber_that_was_away_too_long_gets_a_gap_notice_then_what_is_kept() {
        JavalinTest.test(app(Map.of("TOPIC_HISTORY", "3")), (server, http) -> {
            long seen = Publisher.publish(server.port(), "orders", "seen");
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(Publisher.publish(server.port(), "orders", "n" + i));
            }
            TestSocket back = TestSocket.connect(server.port(), "/hub?topics=orders&after=" + seen);
            JsonNode gap = json(back.next());
            assertEquals("gap", gap.get("type").asText());
            assertEquals(seen, gap.get("after").asLong());
            assertEquals(ids.subList(2, 5), back.until(subscribed("orders")).stream()
                    .map(text -> json(text).get("id").asLong()).toList());
        });
    }

    @Test
    void a_history_too_long_for_one_catch_up_to_fit_in_a_sockets_queue_stops_the_start() {
        // A catch-up of every topic one socket may want (50 x 400) is queued at once: past
        // MAX_QUEUED_MESSAGES, a healthy subscriber on a slow network would be cut with 1013.
        var refused = assertThrows(IllegalArgumentException.class,
                () -> app(Map.of("TOPIC_HISTORY", "400")));
        assertEquals("TOPIC_HISTORY (400) times the 50 topics a subscriber may want must fit in"
                + " MAX_QUEUED_MESSAGES (16384)", refused.getMessage());
        app(Map.of("TOPIC_HISTORY", "400", "MAX_QUEUED_MESSAGES", "20000"));
    }

    @Test
    void bad_topics_or_after_at_the_handshake_get_400() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            assertEquals(400, TestSocket.refusedHandshake(server.port(),
                    "/hub?topics=Bad%20Topic", Map.of()));
            assertEquals(400, TestSocket.refusedHandshake(server.port(),
                    "/hub?after=yesterday", Map.of()));
        });
    }
}
