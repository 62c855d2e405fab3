package exercises.chathistory;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryChatTest {

    @Test
    void a_newcomer_first_gets_the_recent_messages_in_order_then_the_live_ones() {
        try (ExerciseServer server = ExerciseServer.start(new HistoryChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            for (String text : List.of("one", "two", "three")) {
                alice.send(text);
                alice.expect("User says: " + text);
            }
            Peer bob = Peer.connect("Bob", server, "/chat");
            bob.expect("User says: one");
            bob.expect("User says: two");
            bob.expect("User says: three");
            alice.send("live");
            bob.expect("User says: live");
        }
    }

    @Test
    void only_the_last_five_are_kept() {
        try (ExerciseServer server = ExerciseServer.start(new HistoryChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            for (int n = 1; n <= 7; n++) {
                alice.send("m" + n);
                alice.expect("User says: m" + n);
            }
            Peer bob = Peer.connect("Bob", server, "/chat");
            for (int n = 3; n <= 7; n++) {
                bob.expect("User says: m" + n);
            }
            alice.send("live");
            bob.expect("User says: live");
        }
    }

    @Test
    void the_first_visitor_gets_no_history() {
        try (ExerciseServer server = ExerciseServer.start(new HistoryChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            alice.send("first!");
            alice.expect("User says: first!");
        }
    }
}
