package exercises.twoservers;

import com.example.websockets.app.ChapterStep;
import com.example.websockets.broker.Broker;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 13, on step 6: the chapter's chat, shared by every server that shares a broker. */
public final class SharedChat implements ChapterStep {

    static final String CHANNEL = "chat";

    private final Broker broker;
    private final Set<WsContext> clients = ConcurrentHashMap.newKeySet();

    public SharedChat() {
        this(Broker.local());
    }

    public SharedChat(Broker broker) {
        this.broker = broker;
        broker.subscribe(CHANNEL, this::sendToMine); // once per server, not once per client
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/chat", ws -> {
            ws.onConnect(clients::add);
            ws.onMessage(ctx -> broadcast("User says: " + ctx.message()));
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
    }

    private void leave(WsContext client) {
        if (clients.remove(client)) {
            broadcast("A user has left the chat");
        }
    }

    // Through the broker even to this server's own clients: every server, this one included,
    // gets each message once, and its clients see one conversation in one order.
    private void broadcast(String message) {
        broker.publish(CHANNEL, message);
    }

    private void sendToMine(String message) {
        for (WsContext client : clients) {
            client.send(message);
        }
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/ChatClient.java ws://" + hostAndPort + "/chat";
    }
}
