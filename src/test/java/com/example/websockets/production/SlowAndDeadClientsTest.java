package com.example.websockets.production;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.websockets.chat.ChatEndpoint;
import com.example.websockets.chat.FastChat;
import com.example.websockets.testing.TestSocket;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients that stop reading, drop off or vanish cost the others nothing. */
@Timeout(120)
class SlowAndDeadClientsTest {

    private static final String LEFT = ChatEndpoint.LEFT_NOTICE;

    @Test
    void a_client_that_stops_reading_is_closed_while_the_others_get_everything() {
        // The heartbeat cuts it once its writes stay pending a whole beat: readers that keep up
        // stay under it even on a loaded machine, while the slow one, whose socket buffers fill
        // first, passes it.
        FastChat fast = FastChat.create(Map.of("IDLE_TIMEOUT_MS", "1000"));
        JavalinTest.test(fast.app(), (server, http) -> {
            List<TestSocket> healthy = List.of(TestSocket.connect(server.port(), "/chat"),
                    TestSocket.connect(server.port(), "/chat"));
            TestSocket slow = TestSocket.connectWithoutReading(server.port(), "/chat");
            // The slow client keeps talking, so neither the idle timeout nor the heartbeat fires.
            fast.awaitClients(3);
            ScheduledExecutorService chatter = Executors.newSingleThreadScheduledExecutor();
            chatter.scheduleAtFixedRate(() -> slow.send("still here"), 0, 100,
                    TimeUnit.MILLISECONDS);

            String padding = "x".repeat(8 * 1024); // fills the slow client's socket buffers quickly
            int messages = 4000; // 32 MB: more than the slow client's socket buffers and queue
                                 // can hold
            for (int n = 0; n < messages; n++) {
                healthy.get(0).send(n + " " + padding);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> fast.clients() == healthy.size());
            chatter.shutdownNow();

            List<String> expected = IntStream.range(0, messages)
                    .mapToObj(n -> "User says: " + n + " " + padding).toList();
            fast.assertStayersGot(healthy, expected, 1, m -> m.endsWith("still here"));
        });
    }

    @Test
    void two_hundred_clients_fifty_of_them_dropped_during_a_broadcast_lose_nothing() {
        FastChat fast = FastChat.create(Map.of());
        JavalinTest.test(fast.app(), (server, http) -> {
            List<TestSocket> clients = IntStream.range(0, 200)
                    .mapToObj(i -> TestSocket.connect(server.port(), "/chat")).toList();
            List<TestSocket> dropped = clients.subList(150, 200);
            List<TestSocket> staying = clients.subList(0, 150);
            int messages = 1000;
            fast.awaitClients(200);

            CompletableFuture<Void> sending = CompletableFuture.runAsync(() ->
                    IntStream.range(0, messages).forEach(n -> staying.get(0).send("m" + n)));
            CompletableFuture<Void> dropping =
                    CompletableFuture.runAsync(() -> dropped.forEach(TestSocket::abort));
            sending.join();
            dropping.join();
            List<String> expected =
                    IntStream.range(0, messages).mapToObj(n -> "User says: m" + n).toList();
            fast.assertStayersGot(staying, expected, dropped.size(), m -> false);
            assertEquals(staying.size(), fast.clients());
        });
    }

    @Test
    void a_quiet_client_is_kept_open_by_pings_past_the_idle_timeout() {
        FastChat fast = FastChat.create(Map.of("IDLE_TIMEOUT_MS", "1000"));
        JavalinTest.test(fast.app(), (server, http) -> {
            TestSocket quiet = TestSocket.connect(server.port(), "/chat");
            // Five pings 500 ms apart span two idle timeouts without a message.
            await().atMost(Duration.ofSeconds(10)).until(() -> quiet.pings() >= 5);
            quiet.send("still here");
            quiet.expect("User says: still here");
        });
    }

    @Test
    void a_peer_that_stops_answering_pings_is_cut_while_a_quiet_live_one_stays() {
        FastChat fast = FastChat.create(Map.of("IDLE_TIMEOUT_MS", "1000"));
        JavalinTest.test(fast.app(), (server, http) -> {
            TestSocket quiet = TestSocket.connect(server.port(), "/chat");
            TestSocket frozen = TestSocket.connectWithoutReading(server.port(), "/chat");

            // The frozen peer, cut by the heartbeat: only a client that had joined is announced.
            quiet.expect(LEFT);
            assertEquals(1, fast.clients());
            // Several beats later the quiet client, which answers pings, is still there.
            await().atMost(Duration.ofSeconds(10)).until(() -> quiet.pings() >= 5);
            quiet.send("still here");
            quiet.expect("User says: still here");
            frozen.abort();
        });
    }
}
