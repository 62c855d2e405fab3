package com.example.websockets.rules;

import io.javalin.websocket.WsContext;
import java.nio.channels.WritePendingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * Sends text without waiting for it to be written. Unlike {@code ctx.send}, a send that fails is
 * not silently forgotten: a client too slow to keep up (its queue is full) is closed with 1013,
 * and a broken connection is cut, so its {@code onClose} runs.
 */
public final class Outbox {

    private static final Runnable NOTHING = () -> { };
    private static final Counter SENT = Metrics.counter("websocket.messages.sent");
    private static final Counter FAILED = Metrics.counter("websocket.messages.failed");

    private Outbox() {
    }

    public static void send(WsContext client, String text) {
        send(client, text, NOTHING);
    }

    // tag::send[]
    /** Queues the text; {@code afterWritten} runs once it is written, never if the write fails. */
    public static void send(WsContext client, String text, Runnable afterWritten) {
        SENT.increment();
        client.session.sendText(text, Callback.from(afterWritten, failure -> {
            FAILED.increment();
            if (failure instanceof WritePendingException) {
                ForcedClose.close(client, 1013, "Too slow: too many messages waiting to be sent");
            } else if (client.session.isOpen()) {
                client.session.disconnect(); // broken, and Jetty hasn't noticed yet
            }
        }));
    }
    // end::send[]
}
