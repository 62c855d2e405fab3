package com.example.websockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.chapter.ChapterOutputs;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The terminal clients in {@code examples/}, run as a learner runs them, against the real app. */
@Timeout(120)
class ExampleClientsTest {

    private final Javalin app = WebSocketsApp.create(Settings.DEFAULTS, List.of(
            new EchoEndpoint(), new ChatEndpoint(Settings.DEFAULTS), new NotificationEndpoint(Duration.ofMillis(100))));

    @Test
    void echo_client_prints_the_reply_to_each_line() {
        JavalinTest.test(app, (server, http) -> {
            try (ExampleProcess echo = ExampleProcess.start("EchoClient.java", server.port(), "/ws")) {
                assertTrue(echo.nextLine().startsWith("Connected to "));
                echo.type("Hello, WebSockets!");
                echo.expectLine("Message received: Hello, WebSockets!");
                echo.endInput();
                assertEquals(0, echo.awaitExit());
                ChapterOutputs.check("echo-client", echo.transcript());
            }
        });
    }

    @Test
    void two_chat_clients_see_each_others_messages_and_the_departure() {
        JavalinTest.test(app, (server, http) -> {
            try (ExampleProcess alice = ExampleProcess.start("ChatClient.java", server.port(), "/chat");
                 ExampleProcess bob = ExampleProcess.start("ChatClient.java", server.port(), "/chat")) {
                assertTrue(alice.nextLine().startsWith("Joined the chat at "));
                assertTrue(bob.nextLine().startsWith("Joined the chat at "));
                alice.type("Hi Bob!");
                alice.expectLine("User says: Hi Bob!");
                bob.expectLine("User says: Hi Bob!");
                bob.type("Hi Alice!");
                alice.expectLine("User says: Hi Alice!");
                bob.expectLine("User says: Hi Alice!");
                alice.endInput();
                alice.expectLine("Chat closed: 1000 bye");
                assertEquals(0, alice.awaitExit());
                bob.expectLine("A user has left the chat");
                ChapterOutputs.check("chat-terminal-1", alice.transcript());
                ChapterOutputs.check("chat-terminal-2", bob.transcript());
            }
        });
    }

    @Test
    void notifications_client_prints_five_notifications_and_the_close() {
        JavalinTest.test(app, (server, http) -> {
            try (ExampleProcess client = ExampleProcess.start("NotificationsClient.java", server.port(), "/notifications")) {
                assertTrue(client.nextLine().startsWith("Subscribed to "));
                List<String> expected = IntStream.rangeClosed(1, 5)
                        .mapToObj(i -> "🔔 Notification " + i + ": Something happened!").toList();
                assertEquals(expected, client.nextLines(5));
                client.expectLine("Closed by the server: 1000 All notifications sent");
                assertEquals(0, client.awaitExit());
                ChapterOutputs.check("notifications-client", client.transcript());
            }
        });
    }
}
