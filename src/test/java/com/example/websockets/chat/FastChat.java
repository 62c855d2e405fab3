package com.example.websockets.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The chat alone, for tests that send far faster than a person, from more sockets than one
 * person opens: the per-client rate limit and the per-address cap are lifted (they have tests
 * of their own), other settings come from {@code env}.
 */
public record FastChat(Javalin app, ConnectionManager manager) {

    public static FastChat create(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("CHAT_MESSAGES_PER_SECOND", "1000000",
                "CHAT_MESSAGE_BURST", "1000000", "MAX_CONNECTIONS_PER_ADDRESS", "0"));
        all.putAll(env);
        ConnectionManager manager = new ConnectionManager();
        return new FastChat(WebSocketsApp.create(all, List.of(new ChatEndpoint(manager))), manager);
    }

    public int clients() {
        return manager.size();
    }

    /**
     * Waits until the chat has taken in {@code count} clients: a handshake completes before the
     * server's onConnect.
     */
    public void awaitClients(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> clients() == count);
    }

    /**
     * Waits until only {@code stayers} are connected, then checks that each got {@code expected}
     * once and in order, plus exactly {@code departures} leave notices; lines that
     * {@code ignore} matches (other clients' chatter) don't count.
     */
    public void assertStayersGot(List<TestSocket> stayers, List<String> expected, int departures,
            Predicate<String> ignore) {
        await().atMost(Duration.ofSeconds(20)).until(() -> clients() == stayers.size());
        stayers.get(0).send("end");
        for (TestSocket stayer : stayers) {
            List<String> received = stayer.until("User says: end");
            assertEquals(expected, received.stream()
                    .filter(m -> !m.equals(ChatEndpoint.LEFT_NOTICE) && !ignore.test(m)).toList());
            assertEquals(departures, Collections.frequency(received, ChatEndpoint.LEFT_NOTICE),
                    "one notice per departure");
        }
    }
}
