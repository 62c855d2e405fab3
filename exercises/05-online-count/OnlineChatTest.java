package exercises.onlinecount;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.Test;

class OnlineChatTest {

    @Test
    void each_arrival_tells_everyone_how_many_are_online() {
        try (ExerciseServer server = ExerciseServer.start(new OnlineChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            alice.expect("1 user online");
            Peer bob = Peer.connect("Bob", server, "/chat");
            alice.expect("2 users online");
            bob.expect("2 users online");
        }
    }

    @Test
    void a_departure_is_announced_then_the_new_count() {
        try (ExerciseServer server = ExerciseServer.start(new OnlineChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            alice.expect("1 user online");
            Peer bob = Peer.connect("Bob", server, "/chat");
            alice.expect("2 users online");
            bob.leave();
            alice.expect("A user has left the chat");
            alice.expect("1 user online");
        }
    }

    @Test
    void messages_still_reach_everyone() {
        try (ExerciseServer server = ExerciseServer.start(new OnlineChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            alice.send("hello");
            alice.expect("1 user online");
            alice.expect("User says: hello");
        }
    }
}
