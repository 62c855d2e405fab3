package com.example.websockets.chat;

import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * Step 2 of CHAPTER.md: the chapter's {@code ConnectionManager}, which tracks the connected
 * chat clients and broadcasts to all of them. Safe to call from many threads at once.
 */
public class ConnectionManager {

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

    // tag::nested[]
    // A send to a connection that just died fails at once, and Jetty runs that client's onClose
    // right there, on this thread: its departure is broadcast from inside this broadcast. When a
    // crowd drops at once, that would nest one broadcast per client, thousands deep. So a
    // broadcast that starts inside another one waits in this thread's queue instead.
    private final ThreadLocal<Queue<String>> waiting = new ThreadLocal<>();
    // end::nested[]

    // tag::broadcast[]
    public void broadcast(String message) {
        Queue<String> queue = waiting.get();
        if (queue != null) {
            queue.add(message); // a broadcast inside a broadcast: the outer one sends it next
            return;
        }
        queue = new ArrayDeque<>();
        waiting.set(queue);
        try {
            for (String next = message; next != null; next = queue.poll()) {
                sendToAll(next);
            }
        } finally {
            waiting.remove();
        }
    }

    private void sendToAll(String message) {
        for (WsContext client : activeConnections) {
            // Queued, never awaited: a slow client doesn't hold up the others. A send that
            // fails means the client is gone, or can't keep up: cut it, and its onClose runs.
            client.session.sendText(message,
                    Callback.from(() -> { }, failed -> client.session.disconnect()));
        }
    }
    // end::broadcast[]

    public int size() {
        return activeConnections.size();
    }
}
