package com.example.websockets.hub;

import static com.example.websockets.hub.HubEndpointTest.app;
import static com.example.websockets.hub.HubEndpointTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.EventStreamReader;
import com.example.websockets.testing.EventStreamReader.Event;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hub's notifications as Server-Sent Events, with ids to resume from. */
@Timeout(60)
class EventStreamTest {

    @Test
    void events_arrive_with_their_ids_for_the_topics_asked() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            try (EventStreamReader stream = EventStreamReader.open(server.port(),
                    "/api/notifications/stream?topics=orders", Map.of())) {
                assertTrue(stream.contentType().startsWith("text/event-stream"),
                        stream.contentType());
                assertEquals("subscribed", stream.next().name());
                Publisher.publish(server.port(), "lab", "not asked for");
                long id = Publisher.publish(server.port(), "orders", "Shipped");
                Event event = stream.next();
                assertEquals("notification", event.name());
                assertEquals(String.valueOf(id), event.id());
                assertEquals("Shipped", json(event.data()).get("title").asText());
                assertEquals(id, json(event.data()).get("id").asLong());
            }
        });
    }

    @Test
    void a_reconnect_with_last_event_id_resumes_without_loss_or_repeat() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            String lastSeen;
            try (EventStreamReader stream = EventStreamReader.open(server.port(),
                    "/api/notifications/stream?topics=orders", Map.of())) {
                assertEquals("subscribed", stream.next().name());
                Publisher.publish(server.port(), "orders", "one");
                Publisher.publish(server.port(), "orders", "two");
                stream.next();
                lastSeen = stream.next().id();
            }
            List<String> missed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                missed.add(String.valueOf(
                        Publisher.publish(server.port(), "orders", "missed " + i)));
            }
            try (EventStreamReader stream = EventStreamReader.open(server.port(),
                    "/api/notifications/stream?topics=orders",
                    Map.of("Last-Event-ID", lastSeen))) {
                List<String> ids = new ArrayList<>();
                for (Event event = stream.next(); !event.name().equals("subscribed");
                        event = stream.next()) {
                    ids.add(event.id());
                }
                assertEquals(missed, ids,
                        "what was missed, once and in order, before anything new");
                String later = String.valueOf(Publisher.publish(server.port(), "orders", "later"));
                assertEquals(later, stream.next().id());
            }
        });
    }

    @Test
    void a_request_that_does_not_accept_event_streams_gets_406_and_bad_topics_400()
            throws Exception {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            HttpClient client = HttpClient.newHttpClient();
            URI plain =
                    URI.create("http://127.0.0.1:" + server.port() + "/api/notifications/stream");
            assertEquals(406, client.send(HttpRequest.newBuilder(plain).build(),
                    BodyHandlers.ofString()).statusCode());
            URI bad = URI.create(plain + "?topics=Bad!");
            assertEquals(400, client.send(
                    HttpRequest.newBuilder(bad).header("Accept", "text/event-stream").build(),
                    BodyHandlers.ofString()).statusCode());
        });
    }
}
