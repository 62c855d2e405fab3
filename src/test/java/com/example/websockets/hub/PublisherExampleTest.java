package com.example.websockets.hub;

import static com.example.websockets.hub.HubEndpointTest.app;
import static com.example.websockets.hub.HubEndpointTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.chapter.ChapterOutputs;
import com.example.websockets.testing.ExampleProcess;
import com.example.websockets.testing.TestSocket;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code examples/Publisher.java}, run as a learner runs it, publishing to a subscriber. */
@Timeout(120)
class PublisherExampleTest {

    @Test
    void each_typed_line_is_published_and_a_subscriber_gets_it() {
        JavalinTest.test(app(Map.of()), (server, http) -> {
            TestSocket subscriber = HubEndpointTest.subscriber(server.port(), "orders");
            try (ExampleProcess publisher = ExampleProcess.start("Publisher.java", server.port(),
                    List.of("orders"), List.of("http://localhost:" + server.port()),
                    Map.of("PUBLISH_TOKEN", Publisher.TOKEN))) {
                assertTrue(publisher.nextLine().startsWith("Publishing to topic orders at "));
                publisher.type("Order 17 shipped");
                String answer = publisher.nextLine();
                assertTrue(answer.matches("202 \\{\"id\":\\d+}"), answer);
                assertEquals("Order 17 shipped", json(subscriber.next()).get("title").asText());
                publisher.type("warning: Disk \"almost\" full");
                publisher.nextLine();
                JsonNode notification = json(subscriber.next());
                assertEquals("Disk \"almost\" full", notification.get("title").asText());
                assertEquals("warning", notification.get("level").asText());
                publisher.endInput();
                assertEquals(0, publisher.awaitExit());
                // Ids and the port differ on every run; the chapter shows them as "...".
                ChapterOutputs.check("hub-publisher", publisher.transcript().stream()
                        .map(line -> line.replaceAll("\\d{6,}", "...")
                                .replace(":" + server.port(), ":8000"))
                        .toList());
            }
            try (ExampleProcess wrongToken = ExampleProcess.start("Publisher.java", server.port(),
                    List.of("orders"), List.of("http://localhost:" + server.port()),
                    Map.of("PUBLISH_TOKEN", "guess"))) {
                wrongToken.nextLine();
                wrongToken.type("hello");
                assertTrue(wrongToken.nextLine().startsWith("401 {"));
                wrongToken.endInput();
            }
        });
    }
}
