package com.example.websockets.instances;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.AppInstance;
import com.example.websockets.testing.RedisServer;
import com.example.websockets.testing.TestSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Step 6 on an operator's bad day, with a real redis-server: connections dropped, a Redis that
 * comes back from an older snapshot or empty, a Redis that hangs. Each message is delivered once,
 * in order, or the subscriber is told of a gap; a publish's answer says what happened.
 */
@Timeout(120)
class RedisFaultsTest {

    private static final String TOKEN = "t";
    private static final String SUBSCRIBED = "{\"type\":\"subscribed\",\"topics\":[\"orders\"]}";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private RedisServer redis;

    private AppInstance instance(String... steps) {
        AppInstance instance = AppInstance.start(
                Map.of("REDIS_URL", redis.url(), "PUBLISH_TOKEN", TOKEN), 0, steps);
        cleanup.add(instance);
        return instance;
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static HttpResponse<String> publish(AppInstance instance, String title, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + instance.port() + "/api/notifications")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"topic\":\"orders\",\"title\":\"" + title + "\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Publishes until the answer is 202, with one key, as a careful publisher does: stored once.
     */
    private static long publishSurely(AppInstance instance, String title) throws Exception {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 50; attempt++) {
            HttpResponse<String> answer = publish(instance, title, key);
            if (answer.statusCode() == 202) {
                return id(answer.body());
            }
            assertTrue(answer.statusCode() == 503 || answer.statusCode() == 504,
                    answer.statusCode() + " " + answer.body());
            Thread.sleep(100); // a publisher's own pause between retries, not a wait for the server
        }
        throw new AssertionError("never stored: " + title);
    }

    private static long id(String json) {
        return Long.parseLong(json.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    /** Publishes once {@code live} is subscribed, and returns the id it received. */
    private static long publishSeenLive(AppInstance instance, TestSocket live, String title)
            throws Exception {
        live.expect(SUBSCRIBED);
        long id = publishSurely(instance, title);
        assertEquals(id, id(live.next()));
        return id;
    }

    private static TestSocket subscriber(AppInstance instance, String query) {
        TestSocket socket = TestSocket.connect(instance.port(), "/hub?topics=orders" + query);
        return socket;
    }

    @Test
    void connections_dropped_by_redis_lose_no_notification_and_bring_no_false_gap()
            throws Exception {
        redis = RedisServer.startFresh();
        AppInstance a = instance("hub");
        AppInstance b = instance("hub");
        TestSocket onB = subscriber(b, "");
        onB.expect(SUBSCRIBED);
        List<Long> stored = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (i % 5 == 2) {
                // What Redis does to a subscriber whose buffer grows, and to any client on a bad
                // day.
                redis.command("CLIENT", "KILL", "TYPE", "pubsub");
                redis.command("CLIENT", "KILL", "TYPE", "normal");
            }
            stored.add(publishSurely(a, "n" + i));
        }
        assertEquals(stored.stream().sorted().toList(), stored, "ids grow");
        List<Long> received = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            String message = onB.next();
            assertTrue(message.contains("\"type\":\"notification\""),
                    "no gap notice: nothing was lost: " + message);
            received.add(id(message));
        }
        assertEquals(stored, received, "every notification once, in order");
        assertNull(onB.poll(Duration.ofMillis(300)), "and nothing twice");
    }

    @Test
    void a_redis_back_from_an_older_snapshot_never_reuses_an_id_and_reports_the_lost_ones()
            throws Exception {
        redis = RedisServer.startFresh();
        AppInstance a = instance("hub");
        long saved = publishSurely(a, "saved");
        redis.command("SAVE");
        TestSocket live = subscriber(a, "");
        long lost = publishSeenLive(a, live, "lost with the crash");

        redis.kill();
        redis.restart(); // from the snapshot: it has "saved", not "lost with the crash"
        long after = publishSurely(a, "after the restart");
        assertTrue(after > lost, "ids go on growing: " + after + " > " + lost);
        assertEquals(after, id(live.next()),
                "the live subscriber missed nothing, and is told of no gap");

        TestSocket missedTheLost = subscriber(a, "&after=" + saved);
        assertTrue(missedTheLost.next().contains("\"type\":\"gap\""),
                "it never got the lost one, and is told so");
        assertEquals(after, id(missedTheLost.next()));
        missedTheLost.expect(SUBSCRIBED);
    }

    @Test
    void one_who_saw_what_a_restore_lost_is_told_of_a_gap_even_after_every_instance_restarted()
            throws Exception {
        redis = RedisServer.startFresh();
        AppInstance before = instance("hub");
        publishSurely(before, "saved");
        redis.command("SAVE");
        TestSocket live = subscriber(before, "");
        long lost = publishSeenLive(before, live, "lost with the crash");
        live.close();
        before.close(); // no instance is left that saw it: only the subscriber did

        redis.kill();
        redis.restart();
        AppInstance after = instance("hub");
        long next = publishSurely(after, "after the restart");
        TestSocket back = subscriber(after, "&after=" + lost);
        assertTrue(back.next().contains("\"type\":\"gap\""),
                "Redis forgot " + lost + ", and whatever came after it");
        assertEquals(next, id(back.next()));
    }

    @Test
    void a_redis_restarted_empty_tells_a_resuming_subscriber_of_its_gap() throws Exception {
        redis = RedisServer.startFresh();
        AppInstance a = instance("hub");
        long seen = publishSurely(a, "seen");
        redis.kill();
        redis.forgetSnapshot();
        redis.restart();
        publishSurely(a, "new");
        TestSocket back = subscriber(a, "&after=" + seen);
        assertTrue(back.next().contains("\"type\":\"gap\""),
                "Redis forgot what came after " + seen);
    }

    @Test
    void a_publish_that_times_out_says_so_and_its_retry_with_the_same_key_arrives_once()
            throws Exception {
        redis = RedisServer.startFresh();
        AppInstance a = instance("hub");
        TestSocket subscriber = subscriber(a, "");
        subscriber.expect(SUBSCRIBED);
        String key = UUID.randomUUID().toString();
        // Four times the app's 2 s timeout: the publish meets the hang even on a slow machine.
        redis.command("CLIENT", "PAUSE", "8000", "ALL");
        HttpResponse<String> unknown = publish(a, "during the hang", key);
        assertEquals(504, unknown.statusCode(),
                "not known whether it was stored: " + unknown.body());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> publish(a, "during the hang", key).statusCode() == 202);
        long id = id(publish(a, "during the hang", key).body());
        assertEquals(id, id(subscriber.next()));
        assertNull(subscriber.poll(Duration.ofMillis(500)), "once, however many times it was sent");
    }

    @Test
    void a_publish_answered_503_was_not_stored() throws Exception {
        redis = RedisServer.startFresh();
        AppInstance a = instance("hub");
        redis.kill();
        HttpResponse<String> refused = await().atMost(Duration.ofSeconds(20))
                .until(() -> publish(a, "never stored", null),
                        answer -> answer.statusCode() == 503);
        assertTrue(refused.body().contains("Not published"), refused.body());
        redis.restart();
        long next = publishSurely(a, "stored");
        TestSocket everything = subscriber(a, "&after=0");
        assertEquals(next, id(everything.next()), "the refused one is nowhere");
        everything.expect(SUBSCRIBED);
    }

    @Test
    void while_redis_hangs_no_thread_of_the_server_waits_on_it_and_every_page_answers()
            throws Exception {
        redis = RedisServer.startFresh();
        AppInstance app = instance("echo", "chat", "notifications", "hub");
        // Long enough for every check below on a slow machine; the test doesn't wait it out.
        redis.command("CLIENT", "PAUSE", "20000", "ALL");
        List<Thread> publishers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Thread publisher = new Thread(() -> {
                try {
                    publish(app, "during the hang", null);
                } catch (Exception ignored) {
                    // the answer doesn't matter here: only that it never holds a server thread
                }
            });
            publisher.start();
            publishers.add(publisher);
        }
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/dashboard")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        TestSocket echo = TestSocket.connect(app.port(), "/ws");
        echo.send("still here");
        echo.expect("Message received: still here");
        TestSocket notifications = TestSocket.connect(app.port(), "/notifications");
        assertTrue(notifications.next().startsWith("🔔 Notification 1"));
        assertTrue(redis.paused(), "all of it while Redis was still paused");
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("qtp")) {
                for (StackTraceElement frame : thread.getStackTrace()) {
                    assertTrue(!frame.getClassName().startsWith("io.lettuce"),
                            thread.getName() + " waits on Redis");
                }
            }
        }
        for (Thread publisher : publishers) {
            publisher.join();
        }
    }
}
