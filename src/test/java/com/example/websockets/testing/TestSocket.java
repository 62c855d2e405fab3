package com.example.websockets.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client for tests, on the JDK's {@link WebSocket}: it queues what the server sends
 * so a test can wait for the next message, or for the close, with a deadline.
 */
public final class TestSocket implements WebSocket.Listener {

    public static final Duration WAIT = Duration.ofSeconds(10);

    // One small client for every socket a test opens; its threads are few and daemon.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "test-socket");
                thread.setDaemon(true);
                return thread;
            }))
            .build();

    /** How the server closed the connection; code 1006 when it vanished without a close frame. */
    public record Close(int code, String reason) {
    }

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private final boolean reading;

    private TestSocket(boolean reading) {
        this.reading = reading;
    }

    public static TestSocket connect(int port, String path) {
        return connect(port, path, Map.of(), true);
    }

    /** A client that never reads: nothing it is sent gets taken off the wire, not even pings. */
    public static TestSocket connectWithoutReading(int port, String path) {
        return connect(port, path, Map.of(), false);
    }

    public static TestSocket connect(int port, String path, Map<String, String> headers,
            boolean reading) {
        TestSocket listener = new TestSocket(reading);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        headers.forEach(builder::header);
        listener.socket = builder
                .buildAsync(URI.create("ws://127.0.0.1:" + port + path), listener)
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        return listener;
    }

    /**
     * A client on a URL of its own, e.g. {@code wss://localhost:8443/chat} through a proxy, with
     * its own HTTP client.
     */
    public static TestSocket connect(URI url, HttpClient client) {
        TestSocket listener = new TestSocket(true);
        listener.socket = client.newWebSocketBuilder().buildAsync(url, listener)
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return listener;
    }

    /** The HTTP status the server refused the handshake with. */
    public static int refusedHandshake(int port, String path, Map<String, String> headers) {
        try {
            connect(port, path, headers, true).abort();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("The handshake to " + path + " with " + headers + " was accepted");
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true)
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Waits for the next message; fails the test if none arrives in time. */
    public String next() {
        String message = poll(WAIT);
        if (message == null) {
            fail("No message within " + WAIT.toSeconds() + " s");
        }
        return message;
    }

    /** Waits up to {@code wait} for the next message; null if none came. */
    public String poll(Duration wait) {
        try {
            return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How the server closed the connection, or null if it is still open after {@code wait}. */
    public Close pollClose(Duration wait) {
        try {
            return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillOpen) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** Whatever has arrived and not been read yet, without waiting for more. */
    public List<String> unread() {
        List<String> unread = new ArrayList<>();
        messages.drainTo(unread);
        return unread;
    }

    public List<String> next(int count) {
        List<String> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(next());
        }
        return received;
    }

    /** Reads up to and including {@code marker}, returning what came before it. */
    public List<String> until(String marker) {
        List<String> before = new ArrayList<>();
        for (String message = next(); !message.equals(marker); message = next()) {
            before.add(message);
        }
        return before;
    }

    public void expect(String expected) {
        assertEquals(expected, next());
    }

    /** Closes cleanly, with a close frame. */
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Drops the TCP connection without a close frame, like a crashed client or a pulled cable. */
    public void abort() {
        socket.abort();
    }

    public Close awaitClose() {
        return closed.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public int pings() {
        return pings.get();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        if (reading) {
            webSocket.request(1);
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Close(1006, String.valueOf(error)));
    }
}
