package exercises.namedchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedChatTest {

    @Test
    void messages_carry_the_senders_name() {
        try (ExerciseServer server = ExerciseServer.start(new NamedChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat?name=Alice");
            Peer bob = Peer.connect("Bob", server, "/chat?name=Bob");
            alice.send("hi Bob");
            alice.expect("Alice says: hi Bob");
            bob.expect("Alice says: hi Bob");
        }
    }

    @Test
    void a_departure_names_who_left() {
        try (ExerciseServer server = ExerciseServer.start(new NamedChat())) {
            Peer alice = Peer.connect("Alice", server, "/chat?name=Alice");
            Peer bob = Peer.connect("Bob", server, "/chat?name=Bob");
            bob.leave();
            alice.expect("Bob has left the chat");
        }
    }

    @Test
    void a_name_with_a_space_arrives_decoded() {
        try (ExerciseServer server = ExerciseServer.start(new NamedChat())) {
            Peer ada = Peer.connect("Ada", server, "/chat?name=Ada%20Lovelace");
            ada.send("hello");
            ada.expect("Ada Lovelace says: hello");
        }
    }

    @Test
    void a_client_without_a_name_is_closed_with_1008_and_nobody_hears_of_it() {
        NamedChat chat = new NamedChat();
        try (ExerciseServer server = ExerciseServer.start(chat)) {
            Peer alice = Peer.connect("Alice", server, "/chat?name=Alice");
            Peer nameless = Peer.connect("A client without a name", server, "/chat");
            nameless.expectClose(1008, "A name is required");
            Peer blank = Peer.connect("A client with a blank name", server, "/chat?name=%20%20");
            blank.expectClose(1008, "A name is required");
            // The next thing Alice hears is her own message: no join, no departure before it,
            // and nothing after it either.
            alice.send("just me?");
            alice.expect("Alice says: just me?");
            alice.expectNothingMore();
            assertEquals(List.of("Alice"), chat.names(), "Who is in the chat after a client"
                    + " without a name and one with a blank name were closed: a closed client"
                    + " must not join");
        }
    }
}
