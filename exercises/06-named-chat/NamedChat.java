package exercises.namedchat;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 06, on step 2: a chat where every client has a name, given in the URL. */
public final class NamedChat implements ChapterStep {

    private final Set<WsContext> clients = ConcurrentHashMap.newKeySet();

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/chat", ws -> {
            ws.onConnect(this::join);
            ws.onMessage(ctx -> broadcast("User says: " + ctx.message()));
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
    }

    private void join(WsContext newcomer) {
        // TODO: read the name from /chat?name=..., close with 1008 when there is none, keep it
        clients.add(newcomer);
    }

    private void leave(WsContext client) {
        if (clients.remove(client)) {
            broadcast("A user has left the chat");
        }
    }

    /** Who is in the chat now, by name, in order: what an admin page, or a test, asks. */
    public List<String> names() {
        return clients.stream().map(client -> String.valueOf(client.<String>attribute("name")))
                .sorted().toList();
    }

    private void broadcast(String message) {
        for (WsContext client : clients) {
            client.send(message);
        }
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/ChatClient.java \"ws://" + hostAndPort
                + "/chat?name=Alice\" (and Bob)";
    }
}
