package exercises.othersonly;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.Test;

class OthersChatTest {

    @Test
    void the_others_hear_a_message_and_the_sender_does_not() {
        try (ExerciseServer server = ExerciseServer.start(new OthersChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            Peer bob = Peer.connect("Bob", server, "/chat");
            Peer carol = Peer.connect("Carol", server, "/chat");

            alice.send("hi");
            bob.expect("User says: hi");
            carol.expect("User says: hi");
            // Bob's answer must be the very next thing Alice gets: her own "hi" must not come
            // first.
            bob.send("hello Alice");
            alice.expect("User says: hello Alice");
            carol.expect("User says: hello Alice");
            // And nobody got a copy of their own line.
            Peer.expectNothingMore(alice, bob, carol);
        }
    }

    @Test
    void a_client_alone_gets_nothing_back() {
        try (ExerciseServer server = ExerciseServer.start(new OthersChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            alice.send("anyone here?");
            Peer bob = Peer.connect("Bob", server, "/chat");
            bob.send("yes, me");
            alice.expect("User says: yes, me");
            Peer.expectNothingMore(alice, bob);
        }
    }
}
