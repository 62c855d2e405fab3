package com.example.websockets.instances;

import com.example.websockets.WebSocketsApp;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.chat.ChatEndpoint;
import com.example.websockets.hub.HubEndpoint;
import com.example.websockets.testing.AppInstance;
import com.example.websockets.testing.OpenSockets;
import com.example.websockets.testing.RedisServer;
import com.example.websockets.testing.TestSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Step 6: two instances of the app share the chat through a real Redis. */
@Timeout(90)
class SeveralInstancesTest {

    private static final String TOKEN = "t";
    private static final String SUBSCRIBED_TO_ORDERS =
            "{\"type\":\"subscribed\",\"topics\":[\"orders\"]}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private RedisServer redis;

    private AppInstance start(RedisServer redis) {
        AppInstance instance = AppInstance.start(
                Map.of("REDIS_URL", redis.url(), "PUBLISH_TOKEN", TOKEN), 0, "chat", "hub");
        cleanup.add(instance);
        return instance;
    }

    /** A fresh Redis and two instances of the app that share it. */
    private List<AppInstance> twoInstances() {
        redis = RedisServer.startFresh();
        return List.of(start(redis), start(redis));
    }

    /** Stops every instance started so far, newest first; Redis stays. */
    private void stopInstances() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
        cleanup.clear();
    }

    @AfterEach
    void stopAll() throws Exception {
        stopInstances();
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void a_chat_message_sent_on_one_instance_reaches_clients_on_both_once_and_in_one_order() {
        List<AppInstance> instances = twoInstances();
        AppInstance a = instances.get(0);
        AppInstance b = instances.get(1);
        List<TestSocket> clients = List.of(TestSocket.connect(a.port(), "/chat"),
                TestSocket.connect(a.port(), "/chat"), TestSocket.connect(b.port(), "/chat"),
                TestSocket.connect(b.port(), "/chat"));
        OpenSockets.await(a.port(), "/chat", 2);
        OpenSockets.await(b.port(), "/chat", 2);
        for (int i = 0; i < 20; i++) {
            clients.get(0).send("from a " + i);
            clients.get(2).send("from b " + i);
        }
        List<String> first = clients.get(0).next(40);
        for (TestSocket client : clients) {
            List<String> seen = client == clients.get(0) ? first : client.next(40);
            assertEquals(first, seen, "every client, on either instance, sees one order");
            assertNull(client.poll(Duration.ofMillis(200)), "and nothing twice");
        }
        assertEquals(List.of("User says: from a 0", "User says: from a 1"),
                first.stream().filter(line -> line.contains("from a")).limit(2).toList(),
                "each sender's order holds");
        assertEquals(20, first.stream().filter(line -> line.contains("from b")).count());
    }

    @Test
    void without_redis_each_instance_serves_its_own_clients_and_shares_again_once_it_is_back() {
        List<AppInstance> instances = twoInstances();
        AppInstance a = instances.get(0);
        AppInstance b = instances.get(1);
        TestSocket onA = TestSocket.connect(a.port(), "/chat");
        TestSocket alsoOnA = TestSocket.connect(a.port(), "/chat");
        TestSocket onB = TestSocket.connect(b.port(), "/chat");
        OpenSockets.await(a.port(), "/chat", 2);
        OpenSockets.await(b.port(), "/chat", 1);
        onA.send("before");
        for (TestSocket client : List.of(onA, alsoOnA, onB)) {
            client.expect("User says: before");
        }

        redis.kill();
        // Until the instances notice, a message may still be lost on its way to Redis; after that,
        // every message reaches its own instance's clients.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    onA.send("while redis is away");
                    assertEquals("User says: while redis is away",
                            alsoOnA.poll(Duration.ofMillis(500)));
                });
        onA.unread();
        assertTrue(onB.unread().stream().noneMatch(line -> line.contains("away")),
                "B can't hear A without Redis");

        redis.restart();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    onA.send("back");
                    assertEquals("User says: back", onB.poll(Duration.ofMillis(500)));
                });
    }

    private static HttpResponse<String> publish(AppInstance instance, String topic, String title)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + instance.port() + "/api/notifications"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"topic\":\"" + topic + "\",\"title\":\"" + title + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long id(String json) {
        return Long.parseLong(json.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void notifications_published_on_either_instance_reach_subscribers_on_both_with_ids_in_order()
            throws Exception {
        List<AppInstance> instances = twoInstances();
        TestSocket onA = TestSocket.connect(instances.get(0).port(), "/hub?topics=orders");
        TestSocket onB = TestSocket.connect(instances.get(1).port(), "/hub?topics=orders");
        onA.expect(SUBSCRIBED_TO_ORDERS);
        onB.expect(SUBSCRIBED_TO_ORDERS);
        List<Long> published = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> answer = publish(instances.get(i % 2), "orders", "n" + i);
            assertEquals(202, answer.statusCode(), answer.body());
            published.add(id(answer.body()));
        }
        assertEquals(published.stream().sorted().toList(), published, "ids grow across instances");
        assertEquals(published, onA.next(10).stream().map(SeveralInstancesTest::id).toList());
        assertEquals(published, onB.next(10).stream().map(SeveralInstancesTest::id).toList());
    }

    @Test
    void the_catch_up_buffer_lives_in_redis_so_a_new_or_restarted_instance_serves_it()
            throws Exception {
        List<AppInstance> instances = twoInstances();
        long seen = id(publish(instances.get(0), "orders", "seen").body());
        List<Long> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(id(publish(instances.get(i % 2), "orders", "missed " + i).body()));
        }
        stopInstances(); // both gone; Redis stays
        AppInstance fresh = start(redis);
        TestSocket back = TestSocket.connect(fresh.port(), "/hub?topics=orders&after=" + seen);
        assertEquals(missed,
                back.until(SUBSCRIBED_TO_ORDERS).stream().map(SeveralInstancesTest::id).toList());
        assertNull(back.poll(Duration.ofMillis(200)), "nothing twice");
    }

    @Test
    void without_redis_publishing_answers_503_with_retry_after() throws Exception {
        List<AppInstance> instances = twoInstances();
        assertEquals(202, publish(instances.get(0), "orders", "fine").statusCode());
        redis.kill();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> answer = publish(instances.get(0), "orders", "no store");
            assertEquals(503, answer.statusCode(), answer.body());
            assertEquals("5", answer.headers().firstValue("Retry-After").orElse(""));
        });
    }

    @Test
    void a_redis_that_cannot_be_reached_at_start_is_a_clear_error_and_a_non_zero_exit()
            throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp",
                System.getProperty("java.class.path"), WebSocketsApp.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("REDIS_URL", "redis://127.0.0.1:" + closedPort);
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the app should exit by itself");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("Could not reach Redis at redis://127.0.0.1:" + closedPort),
                output);
    }
}
