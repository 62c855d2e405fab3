package com.example.websockets.broker;

import com.example.websockets.instances.RedisBroker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.broker.Broker.Kept;
import com.example.websockets.testing.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Step 6: both brokers keep each log's latest messages, and at most {@link Broker#MAX_LOGS}
 * logs.
 */
@Timeout(60)
class BrokerLogsTest {

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    private Broker broker(String kind) {
        if (kind.equals("local")) {
            return Broker.local();
        }
        RedisServer redis = RedisServer.startFresh();
        Broker broker = RedisBroker.connect(redis.url());
        cleanup.add(redis);
        cleanup.add(broker); // closed before its Redis: cleanup runs last-in first
        return broker;
    }

    private static long append(Broker broker, String log, int keep, String message) {
        return broker.append(new Broker.Entry("test", List.of(log), keep, message, null))
                .toCompletableFuture().join();
    }

    private static Kept read(Broker broker, String log, long after) {
        return broker.read("test", List.of(log), after).toCompletableFuture().join();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void a_log_keeps_its_latest_and_a_read_from_before_them_sees_a_gap(String kind) {
        Broker broker = broker(kind);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(append(broker, "log", 3, "m" + i));
        }
        Kept fromTheStart = read(broker, "log", ids.get(0));
        assertEquals(List.of("m2", "m3", "m4"),
                fromTheStart.messages().stream().map(Broker.Logged::message).toList());
        assertTrue(fromTheStart.gap(), "m1 is gone");
        Kept recent = read(broker, "log", ids.get(1));
        assertEquals(3, recent.messages().size());
        assertFalse(recent.gap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void past_the_cap_the_least_recently_written_log_goes_and_reads_from_before_it_see_a_gap(
            String kind) {
        Broker broker = broker(kind);
        long first = append(broker, "log 0", 10, "first");
        for (int i = 1; i <= Broker.MAX_LOGS; i++) {
            append(broker, "log " + i, 10, "m");
        }
        Kept dropped = read(broker, "log 0", first - 1);
        assertEquals(List.of(), dropped.messages(), "log 0 is gone, to keep " + Broker.MAX_LOGS);
        assertTrue(dropped.gap());
        assertEquals(1, read(broker, "log " + Broker.MAX_LOGS, 0).messages().size(),
                "the newest logs stay");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void a_dropped_log_gives_a_gap_to_its_own_readers_only(String kind) {
        Broker broker = broker(kind);
        long quiet = append(broker, "quiet", 100, "q1");
        append(broker, "quiet", 100, "q2");
        long dropped = append(broker, "busy 0", 10, "first");
        for (int i = 1; i <= Broker.MAX_LOGS; i++) {
            append(broker, "busy " + i, 10, "m");
            if (i % 100 == 0) {
                append(broker, "quiet", 100, "still written"); // so it stays among the kept
            }
        }
        assertTrue(read(broker, "busy 0", dropped - 1).gap(), "busy 0 was dropped");
        assertFalse(read(broker, "quiet", quiet).gap(),
                "quiet lost nothing, whatever happened to the others");
        assertFalse(broker.read("another feed", List.of("quiet"), 0)
                .toCompletableFuture().join().gap(), "nor another feed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void a_shorter_history_marks_the_newest_it_trimmed(String kind) {
        Broker broker = broker(kind);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(append(broker, "log", 5, "m" + i));
        }
        append(broker, "log", 2, "with a shorter history"); // keeps m4 and this one: m0 to m3 go
        assertTrue(read(broker, "log", ids.get(2)).gap(), "m3 is gone");
        assertFalse(read(broker, "log", ids.get(3)).gap(), "nothing after m3 is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void a_history_of_none_keeps_nothing_and_still_numbers_and_delivers(String kind) {
        Broker broker = broker(kind);
        List<Long> followed = new ArrayList<>();
        broker.follow("test", new Broker.Follower() {
            @Override
            public void logged(Broker.Logged message) {
                followed.add(message.id());
            }

            @Override
            public void lostTrack() {
            }
        });
        long first = append(broker, "log", 0, "kept nowhere");
        long second = append(broker, "log", 0, "nor this");
        assertTrue(second > first);
        assertEquals(List.of(), read(broker, "log", first).messages());
        assertTrue(read(broker, "log", first).gap(), "what came after it is gone");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> followed.size() == 2);
        assertEquals(List.of(first, second), followed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void an_append_with_a_key_it_had_already_is_not_stored_again(String kind) {
        Broker broker = broker(kind);
        Broker.Entry entry = new Broker.Entry("test", List.of("log"), 10, "once", "key-1");
        long id = broker.append(entry).toCompletableFuture().join();
        assertEquals(id, broker.append(entry).toCompletableFuture().join(), "the same id again");
        assertEquals(1, read(broker, "log", 0).messages().size(), "and kept once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void a_read_of_several_logs_gives_each_message_once_in_order_and_newest_follows_appends(
            String kind) {
        Broker broker = broker(kind);
        long a = broker.append(new Broker.Entry("test", List.of("x", "all"), 10, "a", null))
                .toCompletableFuture().join();
        long b = append(broker, "y", 10, "b");
        long c = broker.append(new Broker.Entry("test", List.of("y", "all"), 10, "c", null))
                .toCompletableFuture().join();
        Kept kept = broker.read("test", List.of("y", "x", "all"), 0).toCompletableFuture().join();
        assertEquals(List.of(a, b, c), kept.messages().stream().map(Broker.Logged::id).toList());
        assertEquals(c, broker.newest("test"), "as soon as the append answered");
    }
}
