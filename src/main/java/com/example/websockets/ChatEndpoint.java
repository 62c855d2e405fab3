package com.example.websockets;

import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;

/**
 * Step 2 of CHAPTER.md, the chapter's multi-user chat on {@code /chat}: every message goes to
 * everyone as {@code User says: <text>}, and a departure is announced once to those who stay.
 */
public final class ChatEndpoint implements WebSocketExample {

    static final String LEFT_NOTICE = "A user has left the chat";

    private final ConnectionManager manager = new ConnectionManager();

    @Override
    public void addTo(JavalinConfig config) {
        // tag::chat[]
        config.routes.ws("/chat", ws -> {
            ws.onConnect(manager::connect);
            ws.onMessage(ctx -> manager.broadcast("User says: " + ctx.message()));
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
        // end::chat[]
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Chat: run java examples/ChatClient.java in two terminals (ws://" + hostAndPort + "/chat)";
    }

    // tag::leave[]
    // A dropped connection can report both an error and a close:
    // only the call that really removed the client announces it.
    private void leave(WsContext client) {
        if (manager.disconnect(client)) {
            manager.broadcast(LEFT_NOTICE);
        }
    }
    // end::leave[]

    ConnectionManager manager() {
        return manager;
    }
}
