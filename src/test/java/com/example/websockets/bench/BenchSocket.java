package com.example.websockets.bench;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** One load-generator connection: it hands each text message to a handler with its arrival time. */
// Public: Jetty binds the listener methods through method handles.
public final class BenchSocket implements Session.Listener.AutoDemanding {

    private final BiConsumer<BenchSocket, String> onMessage;
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile long arrivalNanos;
    private volatile Session session;

    private BenchSocket(BiConsumer<BenchSocket, String> onMessage) {
        this.onMessage = onMessage;
    }

    static CompletableFuture<BenchSocket> open(WebSocketClient client, URI uri,
            BiConsumer<BenchSocket, String> onMessage) {
        BenchSocket listener = new BenchSocket(onMessage);
        try {
            return client.connect(listener, uri).thenApply(session -> listener);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Queues a message; Jetty keeps one socket's sends in order, from any thread. */
    void send(String text) {
        session.sendText(text, Callback.NOOP);
    }

    /** Drops the connection without a close frame. */
    void abort() {
        session.disconnect();
    }

    void close() {
        session.close(1000, null, Callback.NOOP);
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
        arrivalNanos = System.nanoTime();
        onMessage.accept(this, message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        closed.complete(statusCode);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closed.complete(1006);
    }
}
