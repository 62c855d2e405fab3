package exercises.jsonecho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonEchoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_shout_comes_back_as_an_echo_in_capitals() {
        try (ExerciseServer server = ExerciseServer.start(new JsonEcho())) {
            Peer alice = Peer.connect("Alice", server, "/json");
            String shout = "{\"type\": \"shout\", \"text\": \"hi there\"}";
            alice.send(shout);
            assertEquals(json("{\"type\": \"echo\", \"text\": \"HI THERE\"}"),
                    answer(alice, shout));
            String quoted = "{\"type\": \"shout\", \"text\": \"say \\\"cheese\\\"\"}";
            alice.send(quoted);
            assertEquals(json("{\"type\": \"echo\", \"text\": \"SAY \\\"CHEESE\\\"\"}"),
                    answer(alice, quoted));
        }
    }

    @Test
    void a_bad_message_gets_an_error_and_the_connection_carries_on() {
        Map<String, String> codes = Map.of(
                "not json at all", "bad-json",
                "{\"type\": \"whisper\", \"text\": \"psst\"}", "unknown-type",
                "{\"type\": \"shout\"}", "bad-field");
        try (ExerciseServer server = ExerciseServer.start(new JsonEcho())) {
            Peer alice = Peer.connect("Alice", server, "/json");
            codes.forEach((sent, code) -> {
                alice.send(sent);
                JsonNode answer = answer(alice, sent);
                String exchange = "Alice sent " + sent + " and got " + answer;
                assertEquals("error", answer.path("type").asText(), exchange);
                assertEquals(code, answer.path("code").asText(), exchange);
                assertFalse(answer.path("reason").asText().isEmpty(),
                        "an error says why: " + answer);
            });
            String again = "{\"type\": \"shout\", \"text\": \"still here\"}";
            alice.send(again);
            assertEquals(json("{\"type\": \"echo\", \"text\": \"STILL HERE\"}"),
                    answer(alice, again));
        }
    }

    /** The answer to what Alice sent, which must be JSON. */
    private static JsonNode answer(Peer alice, String sent) {
        String text = alice.next();
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError(
                    "Alice sent " + sent + " and expected a JSON answer, but got: " + text);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
