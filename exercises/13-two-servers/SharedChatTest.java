package exercises.twoservers;

import com.example.websockets.broker.Broker;
import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.Test;

// Two servers in one test, as two instances of the app share Redis in step 6: here they share
// one broker in memory.
class SharedChatTest {

    @Test
    void alice_on_one_server_and_bob_on_the_other_read_each_other() {
        try (Broker broker = Broker.local();
                ExerciseServer first = ExerciseServer.start(new SharedChat(broker));
                ExerciseServer second = ExerciseServer.start(new SharedChat(broker))) {
            Peer alice = Peer.connect("Alice (on the first server)", first, "/chat");
            Peer bob = Peer.connect("Bob (on the second server)", second, "/chat");
            alice.send("hello from the first");
            alice.expect("User says: hello from the first");
            bob.expect("User says: hello from the first");
            bob.send("hello from the second");
            bob.expect("User says: hello from the second");
            alice.expect("User says: hello from the second");
        }
    }

    @Test
    void each_client_gets_each_message_once() {
        try (Broker broker = Broker.local();
                ExerciseServer first = ExerciseServer.start(new SharedChat(broker));
                ExerciseServer second = ExerciseServer.start(new SharedChat(broker))) {
            Peer alice = Peer.connect("Alice (on the first server)", first, "/chat");
            Peer carol = Peer.connect("Carol (on the first server)", first, "/chat");
            Peer bob = Peer.connect("Bob (on the second server)", second, "/chat");
            alice.send("one");
            bob.expect("User says: one");
            bob.send("two");
            // A message sent to the server's own clients and through the broker comes twice.
            carol.expect("User says: one");
            carol.expect("User says: two");
            alice.expect("User says: one");
            alice.expect("User says: two");
        }
    }

    @Test
    void a_departure_is_announced_on_every_server() {
        try (Broker broker = Broker.local();
                ExerciseServer first = ExerciseServer.start(new SharedChat(broker));
                ExerciseServer second = ExerciseServer.start(new SharedChat(broker))) {
            Peer alice = Peer.connect("Alice (on the first server)", first, "/chat");
            Peer bob = Peer.connect("Bob (on the second server)", second, "/chat");
            bob.leave();
            alice.expect("A user has left the chat");
        }
    }
}
