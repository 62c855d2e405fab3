package exercises.joinnotice;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.Test;

class JoinNoticeChatTest {

    @Test
    void everyone_already_there_hears_that_someone_joined() {
        try (ExerciseServer server = ExerciseServer.start(new JoinNoticeChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            Peer bob = Peer.connect("Bob", server, "/chat");
            alice.expect("A user has joined the chat");
            Peer carol = Peer.connect("Carol", server, "/chat");
            alice.expect("A user has joined the chat");
            bob.expect("A user has joined the chat");
        }
    }

    @Test
    void the_newcomer_is_not_told_about_itself() {
        try (ExerciseServer server = ExerciseServer.start(new JoinNoticeChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            alice.send("first!");
            alice.expect("User says: first!");
        }
    }

    @Test
    void messages_and_departures_still_reach_everyone() {
        try (ExerciseServer server = ExerciseServer.start(new JoinNoticeChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            Peer bob = Peer.connect("Bob", server, "/chat");
            alice.expect("A user has joined the chat");
            bob.send("hi");
            alice.expect("User says: hi");
            bob.expect("User says: hi");
            bob.leave();
            alice.expect("A user has left the chat");
        }
    }
}
