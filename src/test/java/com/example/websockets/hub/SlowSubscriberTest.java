package com.example.websockets.hub;

import static com.example.websockets.hub.HubEndpointTest.app;
import static com.example.websockets.hub.HubEndpointTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.TestSocket;
import io.javalin.testtools.JavalinTest;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An event stream that stops reading is cut off, and never delays the hub's other subscribers. */
@Timeout(90)
class SlowSubscriberTest {

    @Test
    void an_event_stream_that_stops_reading_is_cut_off_while_a_socket_subscriber_gets_everything()
            throws Exception {
        // A history of 4 per topic, so that a catch-up of 50 topics fits in 200.
        JavalinTest.test(app(Map.of("PUBLISH_PER_SECOND", "100000",
                "MAX_QUEUED_MESSAGES", "200", "TOPIC_HISTORY", "4")), (server, http) -> {
            try (Socket stalled = new Socket()) {
                stalled.setReceiveBufferSize(4096);
                stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
                stalled.getOutputStream().write(("GET /api/notifications/stream?topics=orders"
                        + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                TestSocket healthy = HubEndpointTest.subscriber(server.port(), "orders");

                String body = "x".repeat(Draft.MAX_BODY);
                List<Long> published = new ArrayList<>();
                for (int i = 0; i < 3000; i++) {
                    var answer = Publisher.post(server.port(),
                            "{\"topic\":\"orders\",\"title\":\"n" + i + "\",\"body\":\"" + body
                                    + "\"}");
                    assertEquals(202, answer.statusCode(), answer.body());
                    published.add(json(answer.body()).get("id").asLong());
                }
                List<Long> received = healthy.next(published.size()).stream()
                        .map(text -> json(text).get("id").asLong()).toList();
                assertEquals(published, received);

                // Reading now, the stalled client finds the end of its stream: the server cut it
                // off.
                stalled.setSoTimeout(30_000);
                InputStream in = stalled.getInputStream();
                long bytes = 0;
                for (int read; (read = in.read(new byte[65536])) != -1; ) {
                    bytes += read;
                }
                assertTrue(bytes < (long) published.size() * body.length(),
                        "cut off before everything: " + bytes);
            }
        });
    }
}
