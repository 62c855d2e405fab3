package com.example.websockets.chat;

import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.chapter.ChapterOutputs;
import com.example.websockets.testing.OpenSockets;
import com.example.websockets.testing.ExampleProcess;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code examples/ChatClient.java}, run as a learner runs it, twice, against the chat step. */
@Timeout(120)
class ChatClientTest {

    private final Javalin app = WebSocketsApp.create(Map.of(), List.of(new ChatEndpoint()));

    @Test
    void two_chat_clients_see_each_others_messages_and_the_departure() {
        JavalinTest.test(app, (server, http) -> {
            try (ExampleProcess alice =
                    ExampleProcess.start("ChatClient.java", server.port(), "/chat");
                 ExampleProcess bob =
                    ExampleProcess.start("ChatClient.java", server.port(), "/chat")) {
                assertTrue(alice.nextLine().startsWith("Joined the chat at "));
                assertTrue(bob.nextLine().startsWith("Joined the chat at "));
                OpenSockets.await(server.port(), "/chat", 2); // both joined before anyone speaks
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
}
