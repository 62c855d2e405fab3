package com.example.websockets.production;

import java.net.http.HttpResponse;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.URI;
import java.io.InputStream;
import com.example.websockets.testing.EventStreamReader;
import com.example.websockets.WebSocketsApp;
import com.example.websockets.app.Variables;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.RawWebSocket;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Started on a laptop, the app answers that laptop only, and no other site can borrow it. */
@Timeout(60)
class LaptopSafetyTest {

    private static Javalin app(Map<String, String> env) {
        return WebSocketsApp.create(env,
                WebSocketsApp.select("all", new WebSocketsApp.Parts(Variables.of(env))));
    }

    @Test
    void it_listens_on_loopback_only_unless_HOST_says_otherwise() {
        JavalinTest.test(app(Map.of()), (server, http) ->
                assertTrue(boundAddress(server).getAddress().isLoopbackAddress(),
                        boundAddress(server).toString()));
        JavalinTest.test(app(Map.of("HOST", "0.0.0.0")), (server, http) ->
                assertTrue(boundAddress(server).getAddress().isAnyLocalAddress(),
                        boundAddress(server).toString()));
    }

    @Test
    void pages_and_handshakes_for_a_host_name_it_doesnt_know_are_refused_with_421() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            int port = server.port();
            // What a page on the attacker's site sends once its name re-resolves to 127.0.0.1.
            for (String host : List.of("evil.example:" + port, "attacker.test",
                    "localhost.evil.example:" + port, "127.0.0.1.evil.example")) {
                var page = http.get("/chat", request -> request.header("Host", host));
                assertEquals(421, page.code(), host);
                assertFalse(page.body().string().contains(host.split(":")[0]),
                        "the answer doesn't echo the name");
                assertEquals(421, RawWebSocket.handshakeStatus(port, "/chat",
                        Map.of("Host", host, "Origin", "http://" + host), "127.0.0.1"), host);
                assertEquals(421, RawWebSocket.handshakeStatus(port, "/chat", Map.of("Host", host),
                        "127.0.0.1"), host);
            }
        });
    }

    @Test
    void localhost_ip_addresses_and_listed_names_are_answered() {
        JavalinTest.test(app(Map.of("ALLOWED_HOSTS", "chat.school.example")), (server, http) -> {
            int port = server.port();
            for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port,
                    "chat.school.example:" + port)) {
                assertEquals(200,
                        http.get("/chat", request -> request.header("Host", host)).code(), host);
                assertEquals(101, RawWebSocket.handshakeStatus(port, "/chat",
                        Map.of("Host", host, "Origin", "http://" + host), "127.0.0.1"), host);
            }
        });
    }

    @Test
    void pages_and_their_files_carry_the_security_headers() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            for (String path : List.of("/", "/chat", "/notifications", "/assets/socket.js",
                    "/assets/chat/chat.js")) {
                var response = http.get(path);
                assertEquals(200, response.code(), path);
                String policy = header(response, "Content-Security-Policy");
                assertTrue(policy != null && policy.contains("default-src 'self'")
                        && policy.contains("connect-src 'self'")
                        && policy.contains("object-src 'none'")
                        && policy.contains("frame-ancestors 'none'")
                        && policy.contains("base-uri 'none'") && !policy.contains("unsafe-inline"),
                        path + ": " + policy);
                assertEquals("nosniff", header(response, "X-Content-Type-Options"), path);
                assertEquals("no-referrer", header(response, "Referrer-Policy"), path);
            }
        });
    }

    @Test
    void one_address_holds_at_most_its_share_of_sockets_and_others_still_connect() {
        JavalinTest.test(app(Map.of("MAX_CONNECTIONS_PER_ADDRESS", "2")), (server, http) -> {
            int port = server.port();
            TestSocket first = TestSocket.connect(port, "/chat");
            TestSocket second = TestSocket.connect(port, "/chat");
            // A handshake completes before the server counts the socket in onConnect: a round
            // trip proves it counted (the cap allows a slight overshoot in that moment).
            second.send("counted");
            second.expect("User says: counted");
            assertEquals(429, TestSocket.refusedHandshake(port, "/chat", Map.of()),
                    "a third from 127.0.0.1");
            // Another client address (any 127.x.y.z is this machine) still gets in.
            try (RawWebSocket other = RawWebSocket.connect(port, "/chat", Map.of(), "127.0.0.2")) {
                first.close();
                TestSocket again = await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                        .until(() -> TestSocket.connect(port, "/chat"), Objects::nonNull);
                again.send("a place was free again");
                again.expect("User says: a place was free again");
            }
        });
    }

    @Test
    void event_streams_count_with_the_sockets_of_their_address_and_a_foreign_page_gets_none() {
        // A stream that a client closed ends when the next keep-alive finds it gone: every half
        // second.
        Map<String, String> env = Map.of("MAX_CONNECTIONS_PER_ADDRESS", "2", "PUBLISH_TOKEN", "t",
                "IDLE_TIMEOUT_MS", "1000");
        JavalinTest.test(app(env), (server, http) -> {
            int port = server.port();
            String stream = "/api/notifications/stream?topics=orders";
            EventStreamReader first = EventStreamReader.open(port, stream, Map.of());
            TestSocket chat = TestSocket.connect(port, "/chat");
            chat.send("counted"); // answered once the server has counted the socket
            chat.expect("User says: counted");
            assertEquals(429, streamStatus(port, stream, Map.of()),
                    "a third from 127.0.0.1, a stream or a socket");
            assertEquals(429, TestSocket.refusedHandshake(port, "/chat", Map.of()));
            first.close();
            // The stream's place is free again once the server has seen it end.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> streamStatus(port, stream, Map.of()) == 200);
            assertEquals(403, streamStatus(port, stream, Map.of("Origin", "https://evil.example")));
        });
    }

    // The status a stream is answered with; one that is answered 200 is closed at once.
    private static int streamStatus(int port, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<InputStream> answer = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        answer.body().close();
        return answer.statusCode();
    }

    private static String header(Response response, String name) {
        List<String> values = response.headers().get(name);
        return values == null ? null : String.join(", ", values);
    }

    private static InetSocketAddress boundAddress(Javalin server) {
        ServerConnector connector =
                (ServerConnector) server.jettyServer().server().getConnectors()[0];
        try {
            return (InetSocketAddress) ((ServerSocketChannel) connector.getTransport())
                    .getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
