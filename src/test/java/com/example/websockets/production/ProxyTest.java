package com.example.websockets.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.AppInstance;
import com.example.websockets.testing.Nginx;
import com.example.websockets.testing.RawWebSocket;
import com.example.websockets.testing.TestSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The app behind a real nginx over HTTPS, configured as the production page shows: every user is
 * still a person of their own address, and a sign-in knows it came over HTTPS.
 */
@Timeout(120)
class ProxyTest {

    private AppInstance app;
    private Nginx nginx;
    private final List<RawWebSocket> open = new ArrayList<>();

    // The app behind nginx, which closes a connection on which the app sent nothing for
    // readTimeout.
    private void start(String idleTimeoutMillis, Duration readTimeout) {
        app = AppInstance.start(Map.of("TRUSTED_PROXIES", Nginx.PROXY_ADDRESS,
                "IDLE_TIMEOUT_MS", idleTimeoutMillis), 0, "echo", "chat", "rooms");
        nginx = Nginx.start(app.port(), readTimeout);
    }

    @AfterEach
    void stop() throws IOException {
        for (RawWebSocket socket : open) {
            socket.close();
        }
        if (nginx != null) {
            nginx.close();
        }
        if (app != null) {
            app.close();
        }
    }

    private int throughTheProxy(String fromAddress, String path) {
        return RawWebSocket.handshakeOverTls(nginx.tls, nginx.port, path, fromAddress, open);
    }

    @Test
    void each_address_behind_the_proxy_has_its_own_cap_and_a_forged_header_changes_nothing() {
        // These bare sockets answer no ping and hear nothing: neither the heartbeat nor the proxy
        // may cut them.
        start("600000", Duration.ofMinutes(10));
        for (int i = 0; i < 75; i++) {
            assertEquals(101, throughTheProxy("127.0.0.2", "/ws"),
                    "served, though the proxy holds 150 sockets");
            assertEquals(101, throughTheProxy("127.0.0.3", "/ws"));
        }
        for (int i = 75; i < 100; i++) {
            assertEquals(101, throughTheProxy("127.0.0.2", "/ws"));
        }
        assertEquals(429, throughTheProxy("127.0.0.2", "/ws"), "127.0.0.2 is at its cap of 100");
        // The proxy replaces what a client says of itself; a direct client isn't a proxy at all.
        assertEquals(101, RawWebSocket.handshakeStatus(app.port(), "/ws",
                Map.of("X-Forwarded-For", "127.0.0.2"), "127.0.0.1"),
                "a direct client is its own address, whatever it claims");
    }

    @Test
    void the_echo_and_the_chat_work_over_wss_and_a_quiet_socket_outlives_the_proxys_read_timeout() {
        start("2000", Duration.ofSeconds(3)); // a ping every second; the proxy gives up after 3 s
                                              // of silence
        HttpClient tls = HttpClient.newBuilder().sslContext(nginx.tls).build();
        TestSocket echo =
                TestSocket.connect(URI.create("wss://localhost:" + nginx.port + "/ws"), tls);
        echo.send("over TLS");
        echo.expect("Message received: over TLS");
        TestSocket alice =
                TestSocket.connect(URI.create("wss://localhost:" + nginx.port + "/chat"), tls);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> {
            alice.send("anyone?");
            return "User says: anyone?".equals(alice.poll(Duration.ofMillis(500)));
        });

        TestSocket quiet =
                TestSocket.connect(URI.create("wss://localhost:" + nginx.port + "/ws"), tls);
        // Five pings a second apart: five seconds without a message, past the proxy's three.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> quiet.pings() >= 5);
        quiet.send("still here");
        quiet.expect("Message received: still here");
    }

    @Test
    void a_sign_in_over_https_sets_a_secure_cookie_and_one_over_plain_http_does_not()
            throws Exception {
        start("30000", Duration.ofSeconds(60));
        HttpClient tls = HttpClient.newBuilder().sslContext(nginx.tls).build();
        String secure = signIn(tls, "https://localhost:" + nginx.port, "Alice");
        assertTrue(secure.contains("; Secure"), secure);
        String plain = signIn(HttpClient.newHttpClient(), "http://127.0.0.1:" + app.port(), "Bob");
        assertFalse(plain.contains("Secure"), plain);
    }

    private static String signIn(HttpClient client, String origin, String name) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create(origin + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Set-Cookie").orElseThrow();
    }
}
