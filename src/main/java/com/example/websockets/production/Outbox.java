package com.example.websockets.production;

import io.javalin.websocket.WsContext;
import java.nio.channels.WritePendingException;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * How steps 4 and 5 send: without waiting for the text to be written, and acting on a send that
 * fails, where {@code ctx.send} forgets it. A client too slow to keep up (its queue is full) is
 * closed with 1013, and a broken connection is cut, so its {@code onClose} runs.
 */
public final class Outbox {

    private Outbox() {
    }

    // tag::send[]
    public static void send(WsContext client, String text) {
        client.session.sendText(text, Callback.from(() -> { }, failure -> {
            if (failure instanceof WritePendingException) {
                ForcedClose.close(client, 1013, "Too slow: too many messages waiting to be sent");
            } else {
                client.session.disconnect(); // broken, and Jetty may not have noticed yet
            }
        }));
    }
    // end::send[]
}
