package com.example.websockets.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

/** Step 5's tests publish through the real HTTP route, as any outside code would. */
final class Publisher {

    static final String TOKEN = "test-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Publisher() {
    }

    static HttpResponse<String> post(int port, String authorization, String contentType,
            String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/notifications"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> post(int port, String body) {
        return post(port, "Bearer " + TOKEN, "application/json", body);
    }

    /** Publishes and answers the new notification's id. */
    static long publish(int port, String topic, String title) {
        HttpResponse<String> answer =
                post(port, "{\"topic\":\"" + topic + "\",\"title\":\"" + title + "\"}");
        if (answer.statusCode() != 202) {
            throw new AssertionError(
                    "Publishing answered " + answer.statusCode() + ": " + answer.body());
        }
        return Long.parseLong(answer.body().replaceAll("\\D", ""));
    }
}
