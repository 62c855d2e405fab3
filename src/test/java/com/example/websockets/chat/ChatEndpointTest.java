package com.example.websockets.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.testing.TestSocket;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ChatEndpointTest {

    private static final String LEFT = ChatEndpoint.LEFT_NOTICE;

    // tag::chat-story[]
    @Test
    void two_users_chat_and_the_one_who_stays_hears_the_other_leave() {
        ConnectionManager manager = new ConnectionManager();
        Javalin app = WebSocketsApp.create(Map.of(), List.of(new ChatEndpoint(manager)));
        JavalinTest.test(app, (server, http) -> {
            TestSocket alice = TestSocket.connect(server.port(), "/chat");
            TestSocket bob = TestSocket.connect(server.port(), "/chat");
            await().atMost(Duration.ofSeconds(5)).until(() -> manager.size() == 2);
            alice.send("Hi Bob!");
            alice.expect("User says: Hi Bob!");
            bob.expect("User says: Hi Bob!");
            alice.close();
            bob.expect("A user has left the chat");
        });
    }
    // end::chat-story[]

    @Test
    void every_client_gets_every_message_once_in_each_senders_order() {
        FastChat fast = FastChat.create(Map.of());
        JavalinTest.test(fast.app(), (server, http) -> {
            List<TestSocket> clients = connect(fast, server.port(), 3);
            int perSender = 20;
            // Each sender runs on its own thread, so the three streams interleave.
            List<CompletableFuture<Void>> sending = new ArrayList<>();
            for (int c = 0; c < clients.size(); c++) {
                TestSocket sender = clients.get(c);
                String name = "c" + c;
                sending.add(CompletableFuture.runAsync(() ->
                        IntStream.range(0, perSender).forEach(n -> sender.send(name + "-" + n))));
            }
            sending.forEach(CompletableFuture::join);

            for (TestSocket client : clients) {
                List<String> received = client.next(clients.size() * perSender);
                for (int c = 0; c < clients.size(); c++) {
                    String prefix = "User says: c" + c + "-";
                    List<String> fromSender =
                            received.stream().filter(m -> m.startsWith(prefix)).toList();
                    List<String> expected =
                            IntStream.range(0, perSender).mapToObj(n -> prefix + n).toList();
                    assertEquals(expected, fromSender,
                            "messages of c" + c + ", once each and in order");
                }
            }
        });
    }

    @Test
    void a_clean_close_is_announced_once_to_each_remaining_client() {
        FastChat fast = FastChat.create(Map.of());
        JavalinTest.test(fast.app(), (server, http) -> {
            List<TestSocket> clients = connect(fast, server.port(), 3);
            clients.get(0).close();
            assertOneLeaveNotice(clients.subList(1, 3));
            assertEquals(2, fast.clients());
        });
    }

    @Test
    void a_connection_dropped_without_a_close_frame_is_announced_once() {
        FastChat fast = FastChat.create(Map.of());
        JavalinTest.test(fast.app(), (server, http) -> {
            List<TestSocket> clients = connect(fast, server.port(), 3);
            clients.get(0).abort();
            assertOneLeaveNotice(clients.subList(1, 3));
            assertEquals(2, fast.clients());
        });
    }

    @Test
    void clients_joining_and_leaving_during_a_broadcast_cost_the_others_nothing() {
        FastChat fast = FastChat.create(Map.of());
        JavalinTest.test(fast.app(), (server, http) -> {
            List<TestSocket> stayers = connect(fast, server.port(), 3);
            int messages = 300;
            int churners = 30;
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() ->
                    IntStream.range(0, messages).forEach(n -> stayers.get(0).send("n" + n)));
            CompletableFuture<Void> churning = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < churners; i++) {
                    TestSocket churner = TestSocket.connect(server.port(), "/chat");
                    if (i % 2 == 0) {
                        churner.close();
                    } else {
                        churner.abort();
                    }
                }
            });
            sending.join();
            churning.join();
            List<String> expected =
                    IntStream.range(0, messages).mapToObj(n -> "User says: n" + n).toList();
            fast.assertStayersGot(stayers, expected, churners, m -> false);
        });
    }

    /** Connects clients and waits until the server has registered every one of them. */
    private static List<TestSocket> connect(FastChat fast, int port, int count) {
        List<TestSocket> clients = IntStream.range(0, count)
                .mapToObj(i -> TestSocket.connect(port, "/chat")).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> fast.clients() == count);
        return clients;
    }

    // A marker sent after the departure bounds what each client can have received before it.
    private static void assertOneLeaveNotice(List<TestSocket> remaining) {
        for (TestSocket client : remaining) {
            client.expect(LEFT);
        }
        remaining.get(0).send("marker");
        for (TestSocket client : remaining) {
            assertEquals(List.of(), client.until("User says: marker"),
                    "nothing but the marker after the notice");
        }
    }
}
