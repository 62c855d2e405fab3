package com.example.websockets.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class EchoEndpointTest {

    private final Javalin app = WebSocketsApp.create(Map.of(), List.of(new EchoEndpoint()));

    // tag::echo-test[]
    @Test
    void each_message_comes_back_prefixed_with_Message_received() {
        Javalin app = WebSocketsApp.create(Map.of(), List.of(new EchoEndpoint()));
        JavalinTest.test(app, (server, http) -> {
            TestSocket socket = TestSocket.connect(server.port(), "/ws");
            socket.send("hello");
            socket.expect("Message received: hello");
            socket.send("second");
            socket.expect("Message received: second");
        });
    }
    // end::echo-test[]

    @Test
    void non_ascii_text_and_the_empty_message_round_trip_unchanged() {
        JavalinTest.test(app, (server, http) -> {
            TestSocket socket = TestSocket.connect(server.port(), "/ws");
            socket.send("héllo wörld, 你好, 🔔");
            socket.expect("Message received: héllo wörld, 你好, 🔔");
            socket.send("");
            socket.expect("Message received: ");
        });
    }

    @Test
    void the_page_at_root_is_the_chapters_echo_page() {
        JavalinTest.test(app, (server, http) -> {
            var response = http.get("/");
            assertEquals(200, response.code());
            assertTrue(response.headers().get("Content-Type").get(0).startsWith("text/html"));
            String page = response.body().string();
            assertTrue(page.contains("<title>WebSocket Demo</title>"), page);
            assertTrue(page.contains("<h1>WebSocket Echo</h1>"), page);
            assertTrue(page.contains("id=\"msgInput\""), page);
            assertTrue(page.contains("<ul id=\"messages\"></ul>"), page);
        });
    }

    @Test
    void the_pages_script_connects_to_the_host_that_served_it() {
        JavalinTest.test(app, (server, http) -> {
            String page = http.get("/").body().string();
            assertTrue(page.contains("<script src=\"/assets/echo/echo.js\"></script>"), page);
            String pageScript = http.get("/assets/echo/echo.js").body().string();
            assertTrue(pageScript.contains("new WebSocket(socketUrl(\"/ws\"))"), pageScript);
            String script = http.get("/assets/socket.js").body().string();
            assertTrue(script.contains("location.protocol === \"https:\" ? \"wss://\" : \"ws://\""),
                    script);
            assertTrue(script.contains("return scheme + location.host + path;"), script);
            assertFalse(page.contains("localhost") || pageScript.contains("localhost")
                    || script.contains("localhost"),
                    "no hard-coded host");
        });
    }
}
