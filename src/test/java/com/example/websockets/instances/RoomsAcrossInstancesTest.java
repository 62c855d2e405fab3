package com.example.websockets.instances;

import com.example.websockets.testing.TestSocket;
import java.util.concurrent.CompletableFuture;
import com.example.websockets.testing.RoomsUser;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.RoomsUser.Tab;
import com.example.websockets.testing.AppInstance;
import com.example.websockets.testing.AppProcess;
import com.example.websockets.testing.RedisServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Step 4's rooms on two instances of the app that share a real Redis (step 6). */
@Timeout(90)
class RoomsAcrossInstancesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<AutoCloseable> running = new ArrayList<>();
    private RedisServer redis;

    @BeforeEach
    void startRedis() {
        redis = RedisServer.startFresh();
    }

    @AfterEach
    void stopAll() throws Exception {
        stopInstances();
        redis.close();
    }

    private Map<String, String> env(String presenceTimeoutMillis) {
        return Map.of("REDIS_URL", redis.url(),
                "SESSION_SECRET", "the same on every instance, 32 bytes or more",
                "PRESENCE_TIMEOUT_MS", presenceTimeoutMillis);
    }

    private AppInstance start(String presenceTimeoutMillis) {
        AppInstance instance = AppInstance.start(env(presenceTimeoutMillis), 0, "rooms");
        running.add(instance);
        return instance;
    }

    private int start() {
        return start("30000").port();
    }

    private void stopInstances() throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        running.clear();
    }

    @Test
    void two_people_taking_one_name_on_two_instances_at_once_end_with_one_of_them()
            throws Exception {
        int a = start();
        int b = start();
        for (int round = 0; round < 5; round++) {
            String name = "Bob" + round;
            RoomsUser onA = RoomsUser.signIn(a, name);
            RoomsUser onB = RoomsUser.signIn(b, name);
            CompletableFuture<TestSocket> tabA = CompletableFuture.supplyAsync(() ->
                    TestSocket.connect(a, "/rooms", Map.of("Cookie", onA.cookie), true))
                    .exceptionally(refused -> null);
            CompletableFuture<TestSocket> tabB = CompletableFuture.supplyAsync(() ->
                    TestSocket.connect(b, "/rooms", Map.of("Cookie", onB.cookie), true))
                    .exceptionally(refused -> null);
            List<TestSocket> tabs = new ArrayList<>();
            tabs.add(tabA.join());
            tabs.add(tabB.join());
            // Each instance hears of the other's within a moment, and the later one closes its
            // own.
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    tabs.stream()
                            .filter(tab -> tab != null && tab.pollClose(Duration.ZERO) == null)
                            .count() == 1);
            for (TestSocket tab : tabs) {
                TestSocket.Close closed = tab == null ? null : tab.pollClose(Duration.ZERO);
                if (closed != null) {
                    assertEquals(1008, closed.code(), closed.reason());
                }
            }
            RoomsUser loser = tabs.get(0) != null && tabs.get(0).pollClose(Duration.ZERO) == null
                    ? onB : onA;
            int loserPort = loser == onA ? a : b;
            assertEquals(409, HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + loserPort + "/api/session"))
                    .header("Cookie", loser.cookie).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "the page of the one who lost is asked to sign in with another name");
        }
    }

    @Test
    void messages_presence_typing_and_private_messages_cross_and_every_tab_sees_one_order() {
        int a = start();
        int b = start();
        Tab alice = RoomsUser.signIn(a, "Alice").open();
        alice.enter("general");
        awaitPresent(b, "general", 1);
        Tab bob = RoomsUser.signIn(b, "Bob").open();
        assertEquals(List.of("Alice", "Bob"), names(bob.enter("general").get("present")));
        assertEquals("{\"type\":\"presence\",\"room\":\"general\",\"name\":\"Bob\","
                + "\"event\":\"came\"}", alice.next().toString());

        for (int i = 0; i < 10; i++) {
            alice.say("general", "from a " + i);
            bob.say("general", "from b " + i);
        }
        List<JsonNode> seenByAlice = messages(alice, 20);
        assertEquals(seenByAlice, messages(bob, 20), "both instances deliver one order");
        List<Long> ids = seenByAlice.stream().map(said -> said.get("id").asLong()).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "ids grow, none twice");

        bob.send("{\"type\": \"typing\", \"room\": \"general\"}");
        assertEquals("{\"type\":\"typing\",\"room\":\"general\",\"name\":\"Bob\"}",
                alice.next().toString());
        bob.send("{\"type\": \"private\", \"to\": \"alice\", \"text\": \"across\"}");
        assertEquals("across", alice.next("private").get("text").asText());
        assertEquals("across", bob.next("private").get("text").asText());
    }

    @Test
    void a_name_online_on_one_instance_is_taken_on_the_other_but_its_owner_may_come_in() {
        int a = start();
        int b = start();
        RoomsUser alice = RoomsUser.signIn(a, "Alice");
        alice.open();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                RoomsUser.postSession(b, "{\"name\": \"alice\"}", null).statusCode() == 409);
        Tab aliceOnB = alice.on(b).open();
        assertEquals(List.of("Alice"), names(aliceOnB.enter("general").get("present")));
    }

    @Test
    void history_written_on_one_instance_is_served_by_the_other_and_after_both_restart()
            throws Exception {
        int a = start();
        int b = start();
        Tab alice = RoomsUser.signIn(a, "Alice").open();
        alice.enter("general");
        for (int i = 1; i <= 3; i++) {
            alice.say("general", "message " + i);
        }
        long first = messages(alice, 3).get(0).get("id").asLong();
        JsonNode onB = RoomsUser.signIn(b, "Bob").open().enter("general");
        assertEquals(List.of("message 1", "message 2", "message 3"), texts(onB.get("history")));

        stopInstances(); // both gone; Redis stays
        int fresh = start();
        Tab carol = RoomsUser.signIn(fresh, "Carol").open();
        carol.send("{\"type\": \"join\", \"room\": \"general\", \"after\": " + first + "}");
        JsonNode joined = carol.next("joined");
        assertEquals(List.of("message 2", "message 3"), texts(joined.get("history")));
        assertFalse(joined.get("gap").asBoolean());
    }

    @Test
    void the_users_of_a_crashed_instance_leave_the_others_presence_within_the_timeout() {
        try (AppProcess crashing = AppProcess.start("rooms", env("3000"))) {
            running.add(crashing);
            int b = start("3000").port();
            Tab alice = RoomsUser.signIn(crashing.port, "Alice").open();
            alice.enter("general");
            awaitPresent(b, "general", 1);
            Tab bob = RoomsUser.signIn(b, "Bob").open();
            assertEquals(List.of("Alice", "Bob"), names(bob.enter("general").get("present")));

            crashing.kill();
            long killed = System.nanoTime();
            assertEquals("{\"type\":\"presence\",\"room\":\"general\",\"name\":\"Alice\","
                    + "\"event\":\"left\"}", bob.next().toString());
            long millis = (System.nanoTime() - killed) / 1_000_000;
            // Within about one timeout; twice that leaves room for a slow machine.
            assertTrue(millis < 2 * 3000,
                    "left " + millis + " ms after the crash, for a timeout of 3,000 ms");
            assertEquals(200, RoomsUser.postSession(b, "{\"name\": \"Alice\"}", null).statusCode(),
                    "her name is free again");
        }
    }

    @Test
    void an_instance_that_stops_says_goodbye_so_its_users_leave_at_once() throws Exception {
        AppInstance a = start("30000");
        int b = start();
        Tab alice = RoomsUser.signIn(a.port(), "Alice").open();
        alice.enter("general");
        awaitPresent(b, "general", 1);
        Tab bob = RoomsUser.signIn(b, "Bob").open();
        bob.enter("general");
        a.app().stop(); // long before the 30 s presence timeout
        assertEquals("{\"type\":\"presence\",\"room\":\"general\",\"name\":\"Alice\","
                + "\"event\":\"left\"}", bob.next().toString());
    }

    @Test
    void without_redis_a_message_is_refused_with_a_reason_and_crosses_again_once_redis_is_back() {
        int a = start();
        int b = start();
        Tab alice = RoomsUser.signIn(a, "Alice").open();
        alice.enter("general");
        Tab bob = RoomsUser.signIn(b, "Bob").open();
        bob.enter("general");

        redis.kill();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    alice.say("general", "while redis is away");
                    JsonNode answer = alice.next();
                    assertEquals("unavailable", answer.path("code").asText(), answer.toString());
                });
        redis.restart();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    alice.say("general", "back");
                    String onB = bob.socket().poll(Duration.ofMillis(500));
                    assertTrue(onB != null && onB.contains("\"text\":\"back\""),
                            "Bob got " + onB);
                });
    }

    /** Waits until {@code port}'s {@code GET /api/rooms} counts {@code count} in {@code room}. */
    private static void awaitPresent(int port, String room, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/rooms")).build(),
                HttpResponse.BodyHandlers.ofString()).body()
                .contains("{\"name\":\"" + room + "\",\"present\":" + count + "}"));
    }

    private static List<JsonNode> messages(Tab tab, int count) {
        List<JsonNode> messages = new ArrayList<>();
        while (messages.size() < count) {
            messages.add(tab.next("message"));
        }
        return messages;
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false)
                .map(said -> said.get("text").asText()).toList();
    }
}
