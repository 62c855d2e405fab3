package com.example.websockets;

import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a misbehaving client with a code and a reason, logs it in one line (never the message
 * content), and cuts the connection if the close can't get through.
 */
final class ForcedClose {

    private static final Logger log = LoggerFactory.getLogger(ForcedClose.class);
    private static final long GRACE_SECONDS = 2;
    // Sessions being closed right now: several failed sends may race to close the same one.
    private static final Set<Session> closing = ConcurrentHashMap.newKeySet();

    private ForcedClose() {
    }

    static void close(WsContext client, int code, String reason) {
        Session session = client.session;
        if (!session.isOpen() || !closing.add(session)) {
            return; // already closing: one decision, one log line
        }
        log.info("Closing WebSocket {} with {}: {}", client.sessionId(), code, reason);
        client.closeSession(code, reason);
        // A client that isn't reading never takes the close frame off the wire.
        CompletableFuture.delayedExecutor(GRACE_SECONDS, TimeUnit.SECONDS).execute(() -> {
            session.disconnect();
            closing.remove(session);
        });
    }
}
