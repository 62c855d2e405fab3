package com.example.websockets.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.websockets.testing.TestSocket;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A person in step 4's tests: signs in over HTTP, then opens tabs (sockets) that speak JSON. */
public final class RoomsUser {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final String cookie;
    private final int port;

    private RoomsUser(int port, String cookie) {
        this.port = port;
        this.cookie = cookie;
    }

    public static RoomsUser signIn(int port, String name) {
        HttpResponse<String> answer = postSession(port, "{\"name\": " + quote(name) + "}", null);
        assertEquals(200, answer.statusCode(), answer.body());
        String setCookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
        return new RoomsUser(port, setCookie.substring(0, setCookie.indexOf(';')));
    }

    public static HttpResponse<String> postSession(int port, String body, String cookie) {
        return postSession(port, body, cookie, "application/json");
    }

    public static HttpResponse<String> postSession(int port, String body, String cookie,
            String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/session"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same person, with the same cookie, on another instance of the app. */
    public RoomsUser on(int otherPort) {
        return new RoomsUser(otherPort, cookie);
    }

    /** Opens a tab: a socket with this user's cookie. */
    public Tab open() {
        return new Tab(TestSocket.connect(port, "/rooms", Map.of("Cookie", cookie), true));
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One socket of a user, sending and reading JSON. */
    public record Tab(TestSocket socket) {

        public void send(String json) {
            socket.send(json);
        }

        public void join(String room) {
            send("{\"type\": \"join\", \"room\": " + quote(room) + "}");
        }

        /** Joins {@code room} and returns the server's {@code joined} answer. */
        public JsonNode enter(String room) {
            join(room);
            return next("joined");
        }

        public void say(String room, String text) {
            send("{\"type\": \"message\", \"room\": " + quote(room) + ", \"text\": " + quote(text)
                    + "}");
        }

        public JsonNode next() {
            try {
                return JSON.readTree(socket.next());
            } catch (JsonProcessingException e) {
                throw new AssertionError("The server sent something that isn't JSON", e);
            }
        }

        /** The next message, which must be of {@code type}. */
        public JsonNode next(String type) {
            JsonNode message = next();
            assertEquals(type, message.path("type").asText(), message.toString());
            return message;
        }
    }
}
