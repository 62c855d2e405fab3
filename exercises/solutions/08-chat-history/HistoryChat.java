package exercises.chathistory;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 08, on step 2: a chat that shows a newcomer the last five messages. */
public final class HistoryChat implements ChapterStep {

    static final int KEPT = 5;

    private final Set<WsContext> clients = ConcurrentHashMap.newKeySet();
    // Guarded by itself: a join and a message never interleave, so each newcomer gets every
    // message exactly once, from the history or live.
    private final Deque<String> history = new ArrayDeque<>();

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
        synchronized (history) {
            history.forEach(message -> newcomer.send(message));
            clients.add(newcomer);
        }
    }

    private void say(String message) {
        synchronized (history) {
            history.addLast(message);
            while (history.size() > KEPT) {
                history.removeFirst();
            }
            broadcast(message);
        }
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
