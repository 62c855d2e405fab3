package exercises.problemdetails;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckedPublishingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_good_notification_reaches_the_subscribers_and_is_answered_202() {
        try (ExerciseServer server = ExerciseServer.start(new CheckedPublishing())) {
            Peer alice = Peer.connect("Alice", server, "/notifications");
            String body = "{\"topic\":\"orders\",\"text\":\"Order 17 shipped\"}";
            ExerciseServer.Answer answer = server.postJson("/publish", body);
            assertEquals(202, answer.status(), "POST /publish with " + body + ": " + answer);
            assertEquals("{\"delivered\":1}", answer.body(), "POST /publish with " + body);
            alice.expect("orders: Order 17 shipped");
        }
    }

    @Test
    void a_body_that_is_not_a_json_object_gets_a_400_problem() {
        try (ExerciseServer server = ExerciseServer.start(new CheckedPublishing())) {
            String notAnObject = "The body must be a JSON object with topic and text";
            expectProblem(server, "Order 17 shipped", notAnObject, null);
            expectProblem(server, "[\"orders\"]", notAnObject, null);
            expectProblem(server, "null", notAnObject, null);
        }
    }

    @Test
    void a_missing_or_blank_field_gets_a_problem_that_names_it() {
        try (ExerciseServer server = ExerciseServer.start(new CheckedPublishing())) {
            expectProblem(server, "{\"text\":\"Order 17 shipped\"}", "topic is required", "topic");
            expectProblem(server, "{\"topic\":\"orders\",\"text\":\"  \"}", "text is required",
                    "text");
        }
    }

    @Test
    void a_bad_topic_or_a_long_text_gets_a_problem_that_says_what_is_allowed() {
        try (ExerciseServer server = ExerciseServer.start(new CheckedPublishing())) {
            expectProblem(server, "{\"topic\":\"Orders!\",\"text\":\"hi\"}",
                    "topic must be 1 to 40 lowercase letters, digits or dashes", "topic");
            expectProblem(server, "{\"topic\":\"orders\",\"text\":\"" + "x".repeat(201) + "\"}",
                    "text must be at most 200 characters", "text");
        }
    }

    @Test
    void nobody_hears_of_a_bad_request() {
        try (ExerciseServer server = ExerciseServer.start(new CheckedPublishing())) {
            Peer alice = Peer.connect("Alice", server, "/notifications");
            server.postJson("/publish", "{\"topic\":\"orders\"}");
            server.postJson("/publish", "{\"topic\":\"lab\",\"text\":\"Result ready\"}");
            alice.expect("lab: Result ready");
            alice.expectNothingMore();
        }
    }

    // The answer must be a problem of RFC 9457: 400, application/problem+json, and these fields.
    private static void expectProblem(ExerciseServer server, String body, String detail,
            String field) {
        ExerciseServer.Answer answer = server.postJson("/publish", body);
        String request = "POST /publish with " + body;
        assertEquals(400, answer.status(), request + " answered " + answer);
        assertEquals("application/problem+json", answer.contentType(), request);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", "about:blank");
        expected.put("title", "Bad Request");
        expected.put("status", 400);
        expected.put("detail", detail);
        if (field != null) {
            expected.put("field", field);
        }
        assertEquals(expected, read(answer.body()), request + ": the problem's fields");
    }

    private static Map<?, ?> read(String body) {
        try {
            return JSON.readValue(body, Map.class);
        } catch (JsonProcessingException notJson) {
            return Map.of("(not JSON)", body);
        }
    }
}
