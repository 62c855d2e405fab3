package com.example.websockets;

import io.javalin.websocket.WsContext;
import java.nio.channels.WritePendingException;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * Sends text without waiting for it to be written. Unlike {@code ctx.send}, a send that fails is
 * not silently forgotten: a client too slow to keep up (its queue is full) is closed with 1013,
 * and a broken connection is cut, so its {@code onClose} runs.
 */
final class Outbox {

    private Outbox() {
    }

    // tag::send[]
    /** Completes once the text is written, or exceptionally if it never will be. */
    static CompletableFuture<Void> send(WsContext client, String text) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        client.session.sendText(text, Callback.from(() -> sent.complete(null), failure -> {
            if (failure instanceof WritePendingException) {
                ForcedClose.close(client, 1013, "Too slow: too many messages waiting to be sent");
            } else if (client.session.isOpen()) {
                client.session.disconnect(); // broken, and Jetty hasn't noticed yet
            }
            sent.completeExceptionally(failure);
        }));
        return sent;
    }
    // end::send[]
}
