package com.example.websockets;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.chat.ChatEndpoint;
import com.example.websockets.rules.Broker;
import com.example.websockets.rules.Settings;
import com.example.websockets.testing.RedisServer;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import java.io.IOException;
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

    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private RedisServer redis;

    private record Instance(Javalin app, Broker broker) {
        int port() {
            return app.port();
        }
    }

    private Instance start(RedisServer redis) {
        Settings settings = Settings.from(Map.of("REDIS_URL", redis.url()));
        Broker broker = Broker.from(settings);
        Javalin app = WebSocketsApp.create(settings, List.of(new ChatEndpoint(settings, broker))).start(0);
        cleanup.add(broker);
        cleanup.add(app::stop); // stopped before its broker: cleanup runs last-in first
        return new Instance(app, broker);
    }

    /** A fresh Redis and two instances of the app that share it. */
    private List<Instance> twoInstances() {
        redis = RedisServer.startFresh();
        cleanup.add(redis);
        return List.of(start(redis), start(redis));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void a_chat_message_sent_on_one_instance_reaches_clients_on_both_once_and_in_one_order() {
        List<Instance> instances = twoInstances();
        Instance a = instances.get(0);
        Instance b = instances.get(1);
        List<TestSocket> clients = List.of(TestSocket.connect(a.port(), "/chat"), TestSocket.connect(a.port(), "/chat"),
                TestSocket.connect(b.port(), "/chat"), TestSocket.connect(b.port(), "/chat"));
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
                first.stream().filter(line -> line.contains("from a")).limit(2).toList(), "each sender's order holds");
        assertEquals(20, first.stream().filter(line -> line.contains("from b")).count());
    }

    @Test
    void without_redis_each_instance_keeps_serving_its_own_clients_and_shares_again_once_it_is_back() {
        List<Instance> instances = twoInstances();
        Instance a = instances.get(0);
        Instance b = instances.get(1);
        TestSocket onA = TestSocket.connect(a.port(), "/chat");
        TestSocket alsoOnA = TestSocket.connect(a.port(), "/chat");
        TestSocket onB = TestSocket.connect(b.port(), "/chat");
        onA.send("before");
        for (TestSocket client : List.of(onA, alsoOnA, onB)) {
            client.expect("User says: before");
        }

        redis.kill();
        // Until the instances notice, a message may still be lost on its way to Redis; after that,
        // every message reaches its own instance's clients.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            onA.send("while redis is away");
            assertEquals("User says: while redis is away", alsoOnA.poll(Duration.ofMillis(500)));
        });
        onA.unread();
        assertTrue(onB.unread().stream().noneMatch(line -> line.contains("away")), "B can't hear A without Redis");

        redis.restart();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            onA.send("back");
            assertEquals("User says: back", onB.poll(Duration.ofMillis(500)));
        });
    }

    @Test
    void a_redis_that_cannot_be_reached_at_start_is_a_clear_error_and_a_non_zero_exit() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WebSocketsApp.class.getName()).redirectErrorStream(true);
        builder.environment().put("REDIS_URL", "redis://127.0.0.1:" + closedPort);
        builder.environment().put("PORT", "0");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the app should exit by itself");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("Could not reach Redis at redis://127.0.0.1:" + closedPort), output);
    }
}
