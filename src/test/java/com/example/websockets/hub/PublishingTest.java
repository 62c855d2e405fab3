package com.example.websockets.hub;

import static org.junit.jupiter.api.Assertions.assertNull;
import java.time.Duration;
import java.net.http.HttpRequest;
import java.net.http.HttpClient;
import java.net.URI;
import com.example.websockets.testing.TestSocket;
import static com.example.websockets.hub.HubEndpointTest.app;
import static com.example.websockets.hub.HubEndpointTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer of {@code POST /api/notifications}, each with its RFC 9457 problem body. */
@Timeout(60)
class PublishingTest {

    private static JsonNode problem(HttpResponse<String> answer, int status) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertEquals("application/problem+json",
                answer.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = json(answer.body());
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("title") && problem.hasNonNull("detail")
                && problem.hasNonNull("type"), answer.body());
        return problem;
    }

    @Test
    void a_good_publish_gets_202_with_its_id() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            HttpResponse<String> answer =
                    Publisher.post(server.port(), "{\"topic\":\"orders\",\"title\":\"Shipped\"}");
            assertEquals(202, answer.statusCode());
            assertTrue(json(answer.body()).get("id").asLong() > 0, answer.body());
        });
    }

    @Test
    void a_publish_sent_again_with_its_key_reaches_subscribers_once_and_gets_the_first_id() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            TestSocket subscriber = HubEndpointTest.subscriber(server.port(), "orders");
            String body = "{\"topic\":\"orders\",\"title\":\"Shipped\"}";
            long first = json(post(server.port(), body, "order-17").body()).get("id").asLong();
            assertEquals(first,
                    json(post(server.port(), body, "order-17").body()).get("id").asLong());
            assertEquals(first, json(subscriber.next()).get("id").asLong());
            assertNull(subscriber.poll(Duration.ofMillis(300)), "once");
            assertEquals(400,
                    post(server.port(), body, "x".repeat(Publishing.MAX_KEY + 1)).statusCode());
        });
    }

    private static HttpResponse<String> post(int port, String body, String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/notifications"))
                .header("Authorization", "Bearer " + Publisher.TOKEN)
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest(name = "{0} gets 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"title\":\"no topic\"}                                        | topic",
            "{\"topic\":\"Orders!\",\"title\":\"bad topic\"}                 | topic",
            "{\"topic\":\"orders\"}                                          | title",
            "{\"topic\":\"orders\",\"title\":\"x\",\"level\":\"panic\"}      | level",
            "{\"topic\":\"orders\",\"title\":5,\"unused\":1}                 | unused",
            "{\"topic\":\"orders\",\"title\":[\"x\"]}                        | title",
            "{\"topic\":\"orders\",\"title\":\"x\",\"colour\":\"red\"}       | colour"})
    void a_bad_field_gets_400_that_names_it(String body, String field) {
        JavalinTest.test(app(Map.of()), (server, http) ->
                assertEquals(field,
                        problem(Publisher.post(server.port(), body), 400).get("field").asText()));
    }

    @Test
    void text_over_its_limit_and_malformed_json_get_400() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            String longTitle = "x".repeat(Draft.MAX_TITLE + 1);
            assertEquals("title", problem(Publisher.post(server.port(),
                    "{\"topic\":\"orders\",\"title\":\"" + longTitle + "\"}"), 400)
                    .get("field").asText());
            String longBody = "x".repeat(Draft.MAX_BODY + 1);
            assertEquals("body", problem(Publisher.post(server.port(),
                    "{\"topic\":\"orders\",\"title\":\"t\",\"body\":\"" + longBody + "\"}"), 400)
                    .get("field").asText());
            assertTrue(problem(Publisher.post(server.port(), "{\"topic\":"), 400)
                    .get("detail").asText().contains("JSON"));
            problem(Publisher.post(server.port(), "[1, 2]"), 400);
        });
    }

    @Test
    void no_token_or_a_wrong_one_gets_401_and_the_scheme_is_read_in_any_case() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            String body = "{\"topic\":\"orders\",\"title\":\"x\"}";
            HttpResponse<String> none =
                    Publisher.post(server.port(), null, "application/json", body);
            problem(none, 401);
            assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
            problem(Publisher.post(server.port(), "Basic dXNlcjpwYXNz", "application/json", body),
                    401);
            // RFC 6750: a token that is wrong is 401 with error="invalid_token", not 403.
            HttpResponse<String> wrong = Publisher.post(server.port(),
                    "Bearer " + Publisher.TOKEN + "x", "application/json", body);
            problem(wrong, 401);
            assertEquals("Bearer error=\"invalid_token\"",
                    wrong.headers().firstValue("WWW-Authenticate").orElse(""));
            problem(Publisher.post(server.port(), "Bearer ", "application/json", body),
                    401); // trimmed to "Bearer"
            // RFC 9110: the scheme's name is case-insensitive.
            assertEquals(202, Publisher.post(server.port(), "bearer " + Publisher.TOKEN,
                    "application/json", body).statusCode());
        });
    }

    @Test
    void without_a_configured_token_publishing_is_off_and_says_how_to_turn_it_on() {
        JavalinTest.test(app(Map.of("PUBLISH_TOKEN", "")), (server, http) -> {
            JsonNode off = problem(
                    Publisher.post(server.port(), "{\"topic\":\"orders\",\"title\":\"x\"}"), 503);
            assertTrue(off.get("detail").asText().contains("PUBLISH_TOKEN"), off.toString());
        });
    }

    @Test
    void a_body_over_16_kib_gets_413_and_one_that_is_not_json_415() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            String big = "{\"topic\":\"orders\",\"title\":\"x\",\"body\":\""
                    + "x".repeat(Publishing.MAX_BODY_BYTES) + "\"}";
            problem(Publisher.post(server.port(), big), 413);
            problem(Publisher.post(server.port(), "Bearer " + Publisher.TOKEN, "text/plain",
                    "topic=orders"), 415);
        });
    }

    @Test
    void publishing_faster_than_the_rate_gets_429_with_retry_after() {
        JavalinTest.test(app(Map.of("PUBLISH_PER_SECOND", "5")), (server, http) -> {
            HttpResponse<String> answer = null;
            int accepted = 0;
            for (int i = 0; i < 20 && (answer == null || answer.statusCode() == 202); i++) {
                answer = Publisher.post(server.port(),
                        "{\"topic\":\"orders\",\"title\":\"n" + i + "\"}");
                accepted += answer.statusCode() == 202 ? 1 : 0;
            }
            problem(answer, 429);
            assertTrue(accepted >= 5, "the burst of 5 is taken: " + accepted);
            assertTrue(Integer.parseInt(
                    answer.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        });
    }
}
