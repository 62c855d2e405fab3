package com.example.websockets.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** Opens many load-generator connections at once, retrying the refused ones a few times. */
final class Connections {

    static final WebSocketClient CLIENT = startClient();
    private static final int ATTEMPTS = 3;

    final List<BenchSocket> open = new ArrayList<>();
    final AtomicInteger retried = new AtomicInteger();
    int failed;

    private static WebSocketClient startClient() {
        HttpClient http = new HttpClient();
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName("bench-client");
        threads.setDaemon(true);
        http.setExecutor(threads);
        // Every connection is a handshake to the same server, and all of them start at once.
        http.setMaxConnectionsPerDestination(100_000);
        http.setMaxRequestsQueuedPerDestination(100_000);
        http.setConnectTimeout(60_000);
        WebSocketClient client = new WebSocketClient(http);
        client.setIdleTimeout(Duration.ofMinutes(10));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the WebSocket client", e);
        }
        return client;
    }

    /** Connects {@code count} sockets all at once; {@code handler} gets each one's messages. */
    static Connections open(URI uri, int count,
            IntFunction<BiConsumer<BenchSocket, String>> handler) {
        return open(uri, count, 0, handler);
    }

    /**
     * Connects {@code count} sockets, at most {@code inFlight} handshakes at a time (0: all at
     * once).
     */
    static Connections open(URI uri, int count, int inFlight,
            IntFunction<BiConsumer<BenchSocket, String>> handler) {
        Connections connections = new Connections();
        Semaphore handshakes = new Semaphore(inFlight > 0 ? inFlight : Integer.MAX_VALUE);
        List<CompletableFuture<BenchSocket>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            handshakes.acquireUninterruptibly();
            CompletableFuture<BenchSocket> socket =
                    connections.attempt(uri, handler.apply(i), ATTEMPTS);
            socket.whenComplete((done, error) -> handshakes.release());
            pending.add(socket);
        }
        for (CompletableFuture<BenchSocket> socket : pending) {
            try {
                connections.open.add(socket.get(120, TimeUnit.SECONDS));
            } catch (Exception e) {
                connections.failed++;
            }
        }
        return connections;
    }

    private CompletableFuture<BenchSocket> attempt(URI uri, BiConsumer<BenchSocket, String> handler,
            int left) {
        return BenchSocket.open(CLIENT, uri, handler).handle((socket, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(socket);
            }
            if (left <= 1) {
                return CompletableFuture.<BenchSocket>failedFuture(error);
            }
            retried.incrementAndGet();
            return attempt(uri, handler, left - 1);
        }).thenCompose(future -> future);
    }

    void closeAll() {
        open.forEach(BenchSocket::close);
        for (BenchSocket socket : open) {
            try {
                socket.closed.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                socket.abort();
            }
        }
    }
}
