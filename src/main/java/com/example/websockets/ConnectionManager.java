package com.example.websockets;

import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 2 of CHAPTER.md: the chapter's {@code ConnectionManager}, which tracks the connected
 * chat clients and broadcasts to all of them. Safe to call from many threads at once.
 */
public final class ConnectionManager {

    private static final Logger log = LoggerFactory.getLogger(ConnectionManager.class);

    // tag::connections[]
    // A concurrent set: clients join and leave while a broadcast walks over it.
    private final Set<WsContext> activeConnections = ConcurrentHashMap.newKeySet();

    public void connect(WsContext client) {
        activeConnections.add(client);
    }

    /** Returns true only for the call that actually removed the client. */
    public boolean disconnect(WsContext client) {
        return activeConnections.remove(client);
    }
    // end::connections[]

    // tag::broadcast[]
    public void broadcast(String message) {
        for (WsContext client : activeConnections) {
            // Sends are queued, never awaited: a slow client doesn't hold up the others.
            client.session.sendText(message, Callback.from(() -> { }, failure -> drop(client, failure)));
        }
    }

    // A failed send means a broken connection. Dropping it makes Jetty call
    // onClose, which announces the departure like any other.
    private void drop(WsContext client, Throwable failure) {
        log.info("Send to chat client {} failed ({}), dropping it", client.sessionId(), failure.toString());
        client.session.disconnect();
    }
    // end::broadcast[]

    public int size() {
        return activeConnections.size();
    }
}
