package exercises.privatemessage;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import org.junit.jupiter.api.Test;

class WhisperChatTest {

    @Test
    void a_whisper_reaches_only_the_named_user_and_the_sender_sees_it_went_out() {
        try (ExerciseServer server = ExerciseServer.start(new WhisperChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat?name=Alice");
            Peer bob = Peer.connect("Bob", server, "/chat?name=Bob");
            Peer carol = Peer.connect("Carol", server, "/chat?name=Carol");

            alice.send("/msg Bob see you at 5");
            bob.expect("Alice whispers: see you at 5");
            alice.expect("You whisper to Bob: see you at 5");
            // Carol's next message must be her own, not the whisper.
            carol.send("hi all");
            carol.expect("Carol says: hi all");
            bob.expect("Carol says: hi all");
            alice.expect("Carol says: hi all");
        }
    }

    @Test
    void a_whisper_to_nobody_is_answered_to_the_sender_only() {
        try (ExerciseServer server = ExerciseServer.start(new WhisperChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat?name=Alice");
            Peer bob = Peer.connect("Bob", server, "/chat?name=Bob");
            alice.send("/msg Zoe are you there?");
            alice.expect("No one called Zoe is here");
            bob.send("ping");
            bob.expect("Bob says: ping");
        }
    }

    @Test
    void a_whisper_without_text_gets_the_usage() {
        try (ExerciseServer server = ExerciseServer.start(new WhisperChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat?name=Alice");
            alice.send("/msg Bob");
            alice.expect("Usage: /msg <name> <text>");
            alice.send("/msg");
            alice.expect("Usage: /msg <name> <text>");
        }
    }

    @Test
    void normal_messages_still_reach_everyone() {
        try (ExerciseServer server = ExerciseServer.start(new WhisperChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat?name=Alice");
            Peer bob = Peer.connect("Bob", server, "/chat?name=Bob");
            alice.send("message for all");
            alice.expect("Alice says: message for all");
            bob.expect("Alice says: message for all");
        }
    }
}
