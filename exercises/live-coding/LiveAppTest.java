package exercises.live;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

// The chapter's story for steps 1 to 3, told over real sockets: each test turns green as its
// step lands in LiveApp, whatever the classes behind it are called. In the steps' order, so the
// first that fails is the next step.
@TestMethodOrder(MethodOrderer.MethodName.class)
class LiveAppTest {

    @Test
    void step_1_the_echo_answers_each_message() {
        try (ExerciseServer server = ExerciseServer.start(new LiveApp())) {
            Peer alice = Peer.connect("Alice", server, "/ws");
            alice.send("Hello, WebSockets!");
            alice.expect("Message received: Hello, WebSockets!");
            alice.send("again");
            alice.expect("Message received: again");
        }
    }

    @Test
    void step_2_the_chat_sends_each_message_to_everyone() {
        try (ExerciseServer server = ExerciseServer.start(new LiveApp())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            Peer bob = Peer.connect("Bob", server, "/chat");
            alice.send("hi");
            alice.expect("User says: hi");
            bob.expect("User says: hi");
        }
    }

    @Test
    void step_2_a_departure_is_announced_to_those_who_stay() {
        try (ExerciseServer server = ExerciseServer.start(new LiveApp())) {
            Peer alice = Peer.connect("Alice", server, "/chat");
            Peer bob = Peer.connect("Bob", server, "/chat");
            bob.leave();
            alice.expect("A user has left the chat");
            alice.expectNothingMore();
        }
    }

    @Test
    void step_3_five_notifications_two_seconds_apart_then_a_normal_close() {
        try (ExerciseServer server = ExerciseServer.start(new LiveApp())) {
            Peer alice = Peer.connect("Alice", server, "/notifications");
            for (int n = 1; n <= 5; n++) {
                alice.expect("🔔 Notification " + n + ": Something happened!");
            }
            alice.expectClose(1000, "All notifications sent");
        }
    }
}
