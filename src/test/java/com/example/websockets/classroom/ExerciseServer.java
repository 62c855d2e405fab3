package com.example.websockets.classroom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.app.ChapterStep;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs an exercise's step in the same app as the chapter's steps, with the same socket rules,
 * on a free port. Use it in try-with-resources so the server stops after each test.
 */
public final class ExerciseServer implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String BUSY = " s later: does it sleep, wait or loop?"
            + " A handler must return quickly.";

    private final Javalin app;
    // How many of the test's clients are connected, as the test sees it.
    private final AtomicInteger peersOpen = new AtomicInteger();

    private ExerciseServer(Javalin app) {
        this.app = app;
    }

    public static ExerciseServer start(ChapterStep step) {
        return new ExerciseServer(
                WebSocketsApp.create(Map.of(), List.of(step)).start("127.0.0.1", 0));
    }

    public int port() {
        return app.port();
    }

    /**
     * POSTs {@code body} as text to {@code path} and returns the answer's text; fails in plain
     * words unless the answer is a success (2xx).
     */
    public String post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> answer = send(request, "POST " + path);
        if (answer.statusCode() / 100 != 2) {
            fail("POST " + path + " with \"" + body + "\" expected a success, but the server"
                    + " answered HTTP " + answer.statusCode() + " \"" + answer.body() + "\"");
        }
        return answer.body();
    }

    /** An HTTP answer as a test checks it. */
    public record Answer(int status, String contentType, String body) {
    }

    /** POSTs {@code json} to {@code path} as application/json and returns the answer as it is. */
    public Answer postJson(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> answer = send(request, "POST " + path);
        return new Answer(answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse("(none)"), answer.body());
    }

    /** How many sockets the step has taken in so far. */
    int opened() {
        return sum("websocket_connections_opened_total{");
    }

    /** Waits until the step's own onConnect has run for the client that just connected. */
    void peerConnected(int openedBefore, String who) {
        peersOpen.incrementAndGet();
        waitFor(() -> opened() > openedBefore, who + " connected, but the server's onConnect"
                + " had not finished " + WAIT.toSeconds() + BUSY);
    }

    /** Waits until the step's own onClose has run for a client whose connection just closed. */
    void peerClosed(String who) {
        int open = peersOpen.decrementAndGet();
        waitFor(() -> sum("websocket_connections_open{") == open, who + "'s connection closed,"
                + " but the server's onClose had not finished " + WAIT.toSeconds() + BUSY);
    }

    private static void waitFor(Callable<Boolean> condition, String failure) {
        try {
            await().atMost(WAIT).until(condition);
        } catch (ConditionTimeoutException e) {
            fail(failure);
        }
    }

    // The app counts a socket as opened once its step's onConnect has returned, and as closed once
    // its onClose has: so a test never races the step.
    private int sum(String meter) {
        String metrics = send(HttpRequest.newBuilder(uri("/metrics")).build(), "GET /metrics")
                .body();
        return (int) metrics.lines().filter(line -> line.startsWith(meter))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private static HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The exercise's server did not answer " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
