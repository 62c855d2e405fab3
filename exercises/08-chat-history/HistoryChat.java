package exercises.chathistory;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 08, on step 2: a chat that shows a newcomer the last five messages. */
public final class HistoryChat implements ChapterStep {

    static final int KEPT = 5;

    private final Set<WsContext> clients = ConcurrentHashMap.newKeySet();

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/chat", ws -> {
            ws.onConnect(this::join);
            ws.onMessage(ctx -> say("User says: " + ctx.message()));
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
    }

    private void join(WsContext newcomer) {
        // TODO: first send the newcomer the last KEPT messages, oldest first
        clients.add(newcomer);
    }

    private void say(String message) {
        // TODO: remember the message, keeping only the last KEPT
        broadcast(message);
    }

    private void leave(WsContext client) {
        if (clients.remove(client)) {
            broadcast("A user has left the chat");
        }
    }

    private void broadcast(String message) {
        for (WsContext client : clients) {
            client.send(message);
        }
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/ChatClient.java ws://" + hostAndPort
                + "/chat, chat, then start a second one";
    }
}
