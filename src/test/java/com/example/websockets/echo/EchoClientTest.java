package com.example.websockets.echo;

import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.chapter.ChapterOutputs;
import com.example.websockets.testing.ExampleProcess;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code examples/EchoClient.java}, run as a learner runs it, against the echo step. */
@Timeout(120)
class EchoClientTest {

    private final Javalin app = WebSocketsApp.create(Map.of(), List.of(new EchoEndpoint()));

    @Test
    void echo_client_prints_the_reply_to_each_line() {
        JavalinTest.test(app, (server, http) -> {
            try (ExampleProcess echo =
                    ExampleProcess.start("EchoClient.java", server.port(), "/ws")) {
                assertTrue(echo.nextLine().startsWith("Connected to "));
                echo.type("Hello, WebSockets!");
                echo.expectLine("Message received: Hello, WebSockets!");
                echo.endInput();
                assertEquals(0, echo.awaitExit());
                ChapterOutputs.check("echo-client", echo.transcript());
            }
        });
    }
}
