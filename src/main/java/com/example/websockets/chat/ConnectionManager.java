package com.example.websockets.chat;

import com.example.websockets.rules.Broker;
import com.example.websockets.rules.Outbox;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 2 of CHAPTER.md: the chapter's {@code ConnectionManager}, which tracks the connected
 * chat clients and broadcasts to all of them. Safe to call from many threads at once. A
 * broadcast goes through a {@link Broker}, so that with several instances (step 6) it reaches
 * the clients of every one; alone, the broker hands it straight back.
 */
public final class ConnectionManager {

    private static final String CHANNEL = "chat";
    private final Broker broker;

    public ConnectionManager(Broker broker) {
        this.broker = broker;
        broker.subscribe(CHANNEL, this::sendToEveryoneHere);
    }

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
        broker.publish(CHANNEL, message); // alone, the broker calls sendToEveryoneHere at once
    }

    private void sendToEveryoneHere(String message) {
        for (WsContext client : activeConnections) {
            // Queued, never awaited: a slow client doesn't hold up the others. A send that
            // fails closes that client, and its onClose announces the departure.
            Outbox.send(client, message);
        }
    }
    // end::broadcast[]

    public int size() {
        return activeConnections.size();
    }
}
