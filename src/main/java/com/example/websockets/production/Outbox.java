package com.example.websockets.production;

import io.javalin.websocket.WsContext;
import java.nio.channels.WritePendingException;
import java.util.ArrayDeque;
import java.util.Queue;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * How steps 4 and 5 send: without waiting for the text to be written, and acting on a send that
 * fails, where {@code ctx.send} forgets it. A client too slow to keep up (its queue is full) is
 * closed with 1013, and a broken connection is cut, so its {@code onClose} runs.
 */
public final class Outbox {

    /** What this thread is sending: a send made while one is under way waits for it to end. */
    private static final class Sending {
        boolean underWay;
        final Queue<Runnable> next = new ArrayDeque<>();
    }

    // A send to a connection that just died fails at once, and Jetty runs that client's onClose
    // there, on this thread: a step that tells the others of the departure sends from inside
    // this send. When a crowd drops at once, that would nest one send per client, thousands
    // deep, as the chat's ConnectionManager explains; the same cure, for every step that sends.
    private static final ThreadLocal<Sending> SENDING = ThreadLocal.withInitial(Sending::new);

    private Outbox() {
    }

    public static void send(WsContext client, String text) {
        Sending sending = SENDING.get();
        if (sending.underWay) {
            sending.next.add(() -> write(client, text)); // the outer send writes it next
            return;
        }
        sending.underWay = true;
        try {
            write(client, text);
            for (Runnable next = sending.next.poll(); next != null; next = sending.next.poll()) {
                next.run();
            }
        } finally {
            sending.underWay = false;
            sending.next.clear();
        }
    }

    // tag::send[]
    private static void write(WsContext client, String text) {
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
