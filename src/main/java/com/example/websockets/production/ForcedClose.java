package com.example.websockets.production;

import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a misbehaving client with a code and a reason, logs it in one line (never the message
 * content), and cuts the connection if the close can't get through within {@code CLOSE_GRACE_MS}.
 * Each connection carries its own instance, which remembers that the decision to close it was
 * taken.
 */
public final class ForcedClose {

    private static final Logger log = LoggerFactory.getLogger(ForcedClose.class);
    private static final String ATTRIBUTE = ForcedClose.class.getName();

    // Several failed sends may race to close the same client: only the first one does.
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Duration grace;

    private ForcedClose(Duration grace) {
        this.grace = grace;
    }

    /** Gives a newly opened connection its own record; every socket of the app gets one. */
    static void attachTo(WsContext client, Duration grace) {
        client.attribute(ATTRIBUTE, new ForcedClose(grace));
    }

    public static void close(WsContext client, int code, String reason) {
        ForcedClose record = client.attribute(ATTRIBUTE);
        Session session = client.session;
        if (record == null || !session.isOpen() || !record.closing.compareAndSet(false, true)) {
            return; // already closing (one decision, one log line), or not one of the app's sockets
        }
        log.info("Closing WebSocket {} with {}: {}", client.sessionId(), code, reason);
        Metrics.counter("websocket.forced.closes", "code", String.valueOf(code)).increment();
        client.closeSession(code, reason);
        // A client that isn't reading never takes the close frame off the wire.
        CompletableFuture.delayedExecutor(record.grace.toMillis(), TimeUnit.MILLISECONDS)
                .execute(session::disconnect);
    }
}
