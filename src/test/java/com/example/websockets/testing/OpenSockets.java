package com.example.websockets.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;

/**
 * Waits until the app's {@code /metrics} counts a number of open sockets on a path. A client's
 * handshake completes before the server has run its {@code onConnect}, so a message sent at once
 * may go out before a client that just connected has joined.
 */
public final class OpenSockets {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    // One answer of a server busy with thousands of sockets may take a while; then ask again.
    private static final Duration WAIT = Duration.ofSeconds(5);

    private OpenSockets() {
    }

    public static void await(int port, String path, int count) {
        await(port, path, count, Duration.ofSeconds(10));
    }

    public static void await(int port, String path, int count, Duration within) {
        String sample = "websocket_connections_open{path=\"" + path + "\"} " + count + ".0";
        HttpRequest metrics = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(WAIT).build();
        Awaitility.await().atMost(within).until(() ->
                HTTP.send(metrics, HttpResponse.BodyHandlers.ofString()).body().contains(sample));
    }
}
