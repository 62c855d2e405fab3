package com.example.websockets.chat;

import com.example.websockets.rules.Broker;
import com.example.websockets.rules.ChapterStep;
import com.example.websockets.rules.MessageRate;
import com.example.websockets.rules.Pages;
import com.example.websockets.rules.Settings;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;

/**
 * Step 2 of CHAPTER.md, the chapter's multi-user chat on {@code /chat}: every message goes to
 * everyone as {@code User says: <text>}, and a departure is announced once to those who stay.
 */
public final class ChatEndpoint implements ChapterStep {

    public static final String LEFT_NOTICE = "A user has left the chat";

    private static final String RATE_KEY = "chat-rate";

    private final ConnectionManager manager;
    private final String page = Pages.load("chat/chat.html");
    private final int rate;
    private final int burst;
    // While the server stops, everyone leaves at once: announcing each departure to all the
    // others would cost n * n sends to sockets that are closing anyway.
    private volatile boolean stopping;

    public ChatEndpoint(Settings settings) {
        this(settings, Broker.local());
    }

    /** With the {@link Broker} that carries broadcasts to the other instances (step 6). */
    public ChatEndpoint(Settings settings, Broker broker) {
        this.manager = new ConnectionManager(broker);
        this.rate = settings.chatRate();
        this.burst = settings.chatBurst();
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public void addTo(JavalinConfig config) {
        // A browser's GET gets the page; a WebSocket upgrade to the same path gets the chat.
        config.routes.get("/chat", ctx -> ctx.html(page));
        // tag::chat[]
        config.routes.ws("/chat", ws -> {
            ws.onConnect(this::join);
            ws.onMessage(this::receive);
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
        // end::chat[]
        config.events.serverStopping(() -> stopping = true);
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Chat: open http://" + hostAndPort + "/chat in two tabs, or run java examples/ChatClient.java in two terminals";
    }

    // tag::receive[]
    private void receive(WsMessageContext ctx) {
        if (withinRate(ctx)) {
            manager.broadcast("User says: " + ctx.message());
        }
    }
    // end::receive[]

    // tag::leave[]
    // A dropped connection can report both an error and a close:
    // only the call that really removed the client announces it.
    private void leave(WsContext client) {
        if (manager.disconnect(client) && !stopping) {
            manager.broadcast(LEFT_NOTICE);
        }
    }
    // end::leave[]

    // tag::rate[]
    private void join(WsConnectContext ctx) {
        ctx.attribute(RATE_KEY, new MessageRate(rate, burst)); // this client's own bucket
        manager.connect(ctx);
    }

    // Over the rate, the sender is closed with 1008 and a reason, and its message dropped.
    private boolean withinRate(WsMessageContext ctx) {
        MessageRate bucket = ctx.attribute(RATE_KEY);
        return bucket.admit(ctx);
    }
    // end::rate[]

    ConnectionManager manager() {
        return manager;
    }
}
