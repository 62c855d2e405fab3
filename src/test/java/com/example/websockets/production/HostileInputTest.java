package com.example.websockets.production;

import com.example.websockets.WebSocketsApp;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.chat.ChatEndpoint;
import com.example.websockets.echo.EchoEndpoint;
import com.example.websockets.testing.RawWebSocket;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input gets the right close code or HTTP status, and the other clients don't notice. */
@Timeout(60)
class HostileInputTest {

    private static Javalin app(Map<String, String> env) {
        return WebSocketsApp.create(env, List.of(new EchoEndpoint(), new ChatEndpoint()));
    }

    @Test
    void a_message_over_the_size_limit_is_closed_with_1009() {
        JavalinTest.test(app(Map.of("MAX_MESSAGE_BYTES", "1024")), (server, http) -> {
            TestSocket bystander = TestSocket.connect(server.port(), "/chat");
            TestSocket big = TestSocket.connect(server.port(), "/chat");
            big.send("x".repeat(1025));
            assertEquals(1009, big.awaitClose().code());
            bystander.expect(ChatEndpoint.LEFT_NOTICE);
            bystander.send("x".repeat(1024)); // the limit itself is fine
            bystander.expect("User says: " + "x".repeat(1024));
        });
    }

    @Test
    void text_that_is_not_valid_utf8_is_closed_with_1007() throws Exception {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            try (RawWebSocket raw = RawWebSocket.connect(server.port(), "/ws")) {
                raw.sendFrame(0x1, new byte[] {(byte) 0xC3, (byte) 0x28}); // a broken two-byte
                                                                           // sequence
                assertEquals(1007, raw.awaitCloseCode());
            }
        });
    }

    @Test
    void a_binary_frame_to_a_text_endpoint_is_closed_with_1003() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            TestSocket client = TestSocket.connect(server.port(), "/ws");
            client.sendBinary(new byte[] {1, 2, 3});
            assertEquals(new TestSocket.Close(1003, "Only text messages are accepted"),
                    client.awaitClose());
        });
    }

    @Test
    void a_chat_client_over_its_message_rate_is_closed_with_1008() {
        JavalinTest.test(app(Map.of("CHAT_MESSAGES_PER_SECOND", "1",
                "CHAT_MESSAGE_BURST", "5")), (server, http) -> {
            TestSocket eager = TestSocket.connect(server.port(), "/chat");
            IntStream.rangeClosed(1, 6).forEach(i -> eager.send("message " + i)); // one more
                                                                                  // than the burst
            assertEquals(new TestSocket.Close(1008,
                    "Too many messages: at most 1 a second, 5 at once"), eager.awaitClose());
        });
    }

    @Test
    void after_a_1008_the_server_ends_the_connection_without_waiting_for_the_client() {
        // The grace is far longer than the wait: only Jetty itself can end it in time. That is
        // why a client still sending then may get a reset and never read the 1008.
        JavalinTest.test(app(Map.of("CHAT_MESSAGES_PER_SECOND", "1", "CHAT_MESSAGE_BURST", "5",
                "CLOSE_GRACE_MS", "600000")), (server, http) -> {
            try (RawWebSocket raw = RawWebSocket.connect(server.port(), "/chat")) {
                IntStream.rangeClosed(1, 6).forEach(i -> raw.sendFrame(0x1, new byte[] {'h'}));
                assertEquals(1008, raw.awaitCloseCode());
                raw.awaitEnd(); // and we never sent our close frame back
            }
        });
    }

    @Test
    void listeners_keep_chatting_while_a_client_floods() {
        JavalinTest.test(app(Map.of("CHAT_MESSAGES_PER_SECOND", "1",
                "CHAT_MESSAGE_BURST", "5")), (server, http) -> {
            TestSocket listener = TestSocket.connect(server.port(), "/chat");
            TestSocket flooder = TestSocket.connect(server.port(), "/chat");
            try {
                IntStream.range(0, 500).forEach(i -> flooder.send("flood " + i));
            } catch (RuntimeException cutOffMidFlood) {
                // expected: the server closes the flooder while it is still sending
            }
            List<String> seen = listener.until(ChatEndpoint.LEFT_NOTICE);
            assertTrue(seen.size() <= 5, "only the burst got through: " + seen.size());
            listener.send("calm again");
            listener.expect("User says: calm again");
        });
    }

    @Test
    void a_handshake_from_a_foreign_origin_is_refused_with_403_before_anyone_hears_of_it() {
        JavalinTest.test(app(Map.of("ALLOWED_ORIGINS",
                "https://school.example")), (server, http) -> {
            TestSocket listener = TestSocket.connect(server.port(), "/chat");
            int port = server.port();
            for (String origin : List.of("http://evil.example", "null",
                    "http://localhost.evil.example",
                    "http://localhost:" + (port + 1), "http://evil.example:" + port)) {
                assertEquals(403, TestSocket.refusedHandshake(port, "/chat",
                        Map.of("Origin", origin)), origin);
            }
            for (String origin : List.of("http://localhost:" + port, "http://127.0.0.1:" + port,
                    "https://school.example")) {
                TestSocket.connect(port, "/chat", Map.of("Origin", origin), true).close();
                listener.expect(ChatEndpoint.LEFT_NOTICE);
            }
            listener.send("marker");
            assertEquals(List.of(), listener.until("User says: marker"),
                    "the refused clients never joined or left");
        });
    }

    @Test
    void handshakes_beyond_the_connection_cap_get_503_and_the_others_are_unaffected() {
        JavalinTest.test(app(Map.of("MAX_CONNECTIONS", "2")), (server, http) -> {
            TestSocket first = TestSocket.connect(server.port(), "/chat");
            TestSocket second = TestSocket.connect(server.port(), "/chat");
            // A handshake completes before the server counts the socket in onConnect: a round
            // trip proves it counted (the cap allows a slight overshoot in that moment).
            second.send("counted");
            second.expect("User says: counted");
            first.expect("User says: counted");
            assertEquals(503, TestSocket.refusedHandshake(server.port(), "/chat", Map.of()));
            first.send("still fine");
            first.expect("User says: still fine");
            second.expect("User says: still fine");

            second.close();
            first.expect(ChatEndpoint.LEFT_NOTICE);
            // The place is free once the server has seen the close: retry until it lets us in.
            TestSocket newcomer = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> TestSocket.connect(server.port(), "/chat"), Objects::nonNull);
            newcomer.send("a free place again");
            first.expect("User says: a free place again");
        });
    }
}
