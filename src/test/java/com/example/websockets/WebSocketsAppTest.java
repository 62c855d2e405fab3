package com.example.websockets;

import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.chapter.ChapterOutputs;
import com.example.websockets.app.ChapterStep;
import com.example.websockets.app.Variables;
import com.example.websockets.testing.RawWebSocket;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WebSocketsAppTest {

    private static List<ChapterStep> steps(String name, Map<String, String> env) {
        return WebSocketsApp.select(name, new WebSocketsApp.Parts(Variables.of(env)));
    }

    private static Javalin app(String name) {
        return WebSocketsApp.create(Map.of(), steps(name, Map.of()));
    }

    @Test
    void the_full_app_serves_all_three_examples_at_once() {
        var app = app("all");
        JavalinTest.test(app, (server, http) -> {
            assertEquals(200, http.get("/").code());
            TestSocket echo = TestSocket.connect(server.port(), "/ws");
            echo.send("hi");
            echo.expect("Message received: hi");
            TestSocket chat = TestSocket.connect(server.port(), "/chat");
            chat.send("hi");
            chat.expect("User says: hi");
            TestSocket notifications = TestSocket.connect(server.port(), "/notifications");
            assertTrue(notifications.next().startsWith("🔔 Notification 1"));
        });
    }

    @Test
    void a_standalone_example_serves_only_its_own_routes() {
        var app = app("chat");
        JavalinTest.test(app, (server, http) -> {
            assertEquals(404, http.get("/").code());
            TestSocket chat = TestSocket.connect(server.port(), "/chat");
            chat.send("alone");
            chat.expect("User says: alone");
        });
    }

    @Test
    void stopping_the_app_closes_open_sockets_with_going_away() {
        var app = app("chat").start(0);
        List<TestSocket> chat = List.of(TestSocket.connect(app.port(), "/chat"),
                TestSocket.connect(app.port(), "/chat"));
        app.stop();
        for (TestSocket client : chat) {
            assertEquals(1001, client.awaitClose().code());
            // Everyone leaves at once; telling each about all the others would cost n * n sends.
            assertEquals(List.of(), client.unread(), "no departure notices while the server stops");
        }
    }

    @Test
    void a_handshake_leaves_no_http_session_behind_in_memory() throws Exception {
        var app = app("echo");
        JavalinTest.test(app, (server, http) -> {
            String sessionId;
            try (RawWebSocket raw = RawWebSocket.connect(server.port(), "/ws")) {
                // Javalin opens a session for every WebSocket handshake and sends its cookie.
                sessionId = raw.handshakeHeaders.stream()
                        .filter(h -> h.startsWith("Set-Cookie: JSESSIONID="))
                        .map(h -> h.substring("Set-Cookie: JSESSIONID=".length())
                                .split("[;.]")[0]) // id.worker
                        .findFirst().orElseThrow();
            }
            SessionHandler sessions =
                    server.jettyServer().server().getDescendant(SessionHandler.class);
            assertFalse(sessions.getSessionCache().contains(sessionId),
                    "sessions would pile up, one per connection");
        });
    }

    @Test
    void main_tells_how_to_try_each_example() {
        var lines = WebSocketsApp.welcome(steps("all", Map.of()), "localhost:8000");
        assertEquals(6, lines.size());
        ChapterOutputs.check("startup", lines);
    }

    @Test
    void only_the_chosen_step_is_made_so_the_echo_alone_never_asks_for_redis() {
        // Nothing listens on port 1: a step that went to Redis would fail to start.
        Map<String, String> env = Map.of("REDIS_URL", "redis://127.0.0.1:1");
        JavalinTest.test(WebSocketsApp.create(env, steps("echo", env)), (server, http) -> {
            TestSocket echo = TestSocket.connect(server.port(), "/ws");
            echo.send("alone");
            echo.expect("Message received: alone");
        });
    }

    @Test
    void an_unknown_example_name_is_refused_with_the_valid_names() {
        var error = assertThrows(IllegalArgumentException.class, () -> steps("caht", Map.of()));
        assertTrue(error.getMessage().contains("echo, chat, notifications"), error.getMessage());
    }
}
