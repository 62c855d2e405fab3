package com.example.websockets.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Server-Sent Events reader for tests: it reads the stream's lines on a thread of its own and
 * hands over whole events. (The browser tests use a real EventSource.)
 */
public final class EventStreamReader implements AutoCloseable {

    /** One event: its name, data and id (null when it has none). */
    public record Event(String name, String data, String id) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private EventStreamReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static EventStreamReader open(int port, String pathAndQuery,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            HttpResponse<Stream<String>> response =
                    HTTP.send(request.build(), BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The stream answered " + response.statusCode());
            }
            return new EventStreamReader(response);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        try {
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name, data.toString(), id));
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring(6));
                }
            }
        } catch (RuntimeException closed) {
            // the stream ended
        }
    }

    /** The next event, or an AssertionError after {@code wait}. */
    public Event next(Duration wait) {
        try {
            Event event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + wait);
            }
            return event;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public Event next() {
        return next(TestSocket.WAIT);
    }

    /** Events that have come and not been taken yet. */
    public int waiting() {
        return events.size();
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
