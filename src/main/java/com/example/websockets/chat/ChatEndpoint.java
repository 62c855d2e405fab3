package com.example.websockets.chat;

import com.example.websockets.app.ChapterStep;
import com.example.websockets.app.Pages;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;

/**
 * Step 2 of CHAPTER.md, the chapter's multi-user chat on {@code /chat}: every message goes to
 * everyone as {@code User says: <text>}, and a departure is announced once to those who stay.
 */
public final class ChatEndpoint implements ChapterStep {

    public static final String LEFT_NOTICE = "A user has left the chat";

    private final ConnectionManager manager;
    private final String page = Pages.load("chat/chat.html");
    // While the server stops, everyone leaves at once: announcing each departure to all the
    // others would cost n * n sends to sockets that are closing anyway.
    private volatile boolean stopping;

    public ChatEndpoint() {
        this(new ConnectionManager());
    }

    /** With the manager to use: step 6 hands in one whose broadcasts reach every instance. */
    public ChatEndpoint(ConnectionManager manager) {
        this.manager = manager;
    }

    @Override
    public void addTo(JavalinConfig config) {
        // A browser's GET gets the page; a WebSocket upgrade to the same path gets the chat.
        config.routes.get("/chat", ctx -> ctx.html(page));
        // tag::chat[]
        config.routes.ws("/chat", ws -> {
            ws.onConnect(manager::connect);
            ws.onMessage(ctx -> manager.broadcast("User says: " + ctx.message()));
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
        // end::chat[]
        config.events.serverStopping(() -> stopping = true);
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Chat: open http://" + hostAndPort + "/chat in two tabs,"
                + " or run java examples/ChatClient.java in two terminals";
    }

    // tag::leave[]
    // A dropped connection can report both an error and a close:
    // only the call that really removed the client announces it.
    private void leave(WsContext client) {
        if (manager.disconnect(client) && !stopping) {
            manager.broadcast(LEFT_NOTICE);
        }
    }
    // end::leave[]
}
