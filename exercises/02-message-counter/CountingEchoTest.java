package exercises.messagecounter;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.Test;

class CountingEchoTest {

    @Test
    void one_clients_messages_are_numbered_in_order() {
        try (ExerciseServer server = ExerciseServer.start(new CountingEcho())) {
            Peer alice = Peer.connect("Alice", server, "/ws");
            alice.send("a");
            alice.expect("Message 1 received: a");
            alice.send("b");
            alice.expect("Message 2 received: b");
            alice.send("c");
            alice.expect("Message 3 received: c");
        }
    }

    @Test
    void each_client_counts_on_its_own() {
        try (ExerciseServer server = ExerciseServer.start(new CountingEcho())) {
            Peer alice = Peer.connect("Alice", server, "/ws");
            alice.send("one");
            alice.expect("Message 1 received: one");
            alice.send("two");
            alice.expect("Message 2 received: two");

            Peer bob = Peer.connect("Bob", server, "/ws");
            bob.send("hello");
            bob.expect("Message 1 received: hello");
            alice.send("three");
            alice.expect("Message 3 received: three");
        }
    }
}
