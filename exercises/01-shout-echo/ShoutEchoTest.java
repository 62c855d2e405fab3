package exercises.shoutecho;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.Test;

class ShoutEchoTest {

    @Test
    void a_message_comes_back_in_capitals() {
        try (ExerciseServer server = ExerciseServer.start(new ShoutEcho())) {
            Peer alice = Peer.connect("Alice", server, "/ws");
            alice.send("hello, websockets!");
            alice.expect("Message received: HELLO, WEBSOCKETS!");
        }
    }

    @Test
    void letters_beyond_english_become_capitals_too() {
        try (ExerciseServer server = ExerciseServer.start(new ShoutEcho())) {
            Peer alice = Peer.connect("Alice", server, "/ws");
            alice.send("grüße");
            alice.expect("Message received: GRÜSSE");
        }
    }

    @Test
    void every_message_gets_its_own_answer_in_order() {
        try (ExerciseServer server = ExerciseServer.start(new ShoutEcho())) {
            Peer alice = Peer.connect("Alice", server, "/ws");
            alice.send("one");
            alice.send("two");
            alice.expect("Message received: ONE");
            alice.expect("Message received: TWO");
        }
    }
}
