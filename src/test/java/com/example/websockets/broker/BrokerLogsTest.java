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

/** Step 6: both brokers keep each log's latest messages, and at most {@link Broker#MAX_LOGS} logs. */
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
            ids.add(broker.append("ids", List.of("log"), 3, "channel", "m" + i));
        }
        Kept fromTheStart = broker.read("log", ids.get(0));
        assertEquals(List.of("m2", "m3", "m4"), fromTheStart.messages().stream().map(Broker.Logged::message).toList());
        assertTrue(fromTheStart.gap(), "m1 is gone");
        Kept recent = broker.read("log", ids.get(1));
        assertEquals(3, recent.messages().size());
        assertFalse(recent.gap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "redis"})
    void past_the_cap_the_least_recently_written_log_goes_and_reads_from_before_it_see_a_gap(String kind) {
        Broker broker = broker(kind);
        long first = broker.append("ids", List.of("log 0"), 10, "channel", "first");
        for (int i = 1; i <= Broker.MAX_LOGS; i++) {
            broker.append("ids", List.of("log " + i), 10, "channel", "m");
        }
        Kept dropped = broker.read("log 0", first - 1);
        assertEquals(List.of(), dropped.messages(), "log 0 is gone, to keep " + Broker.MAX_LOGS);
        assertTrue(dropped.gap());
        assertEquals(1, broker.read("log " + Broker.MAX_LOGS, 0).messages().size(), "the newest logs stay");
    }
}
