package exercises.namedchat;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 06, on step 2: a chat where every client has a name, given in the URL. */
public final class NamedChat implements ChapterStep {

    private static final String NAME = "name";

    private final Set<WsContext> clients = ConcurrentHashMap.newKeySet();

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/chat", ws -> {
            ws.onConnect(this::join);
            ws.onMessage(ctx -> broadcast(ctx.attribute(NAME) + " says: " + ctx.message()));
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
    }

    private void join(WsContext newcomer) {
        String name = newcomer.queryParam(NAME);
        if (name == null || name.isBlank()) {
            newcomer.closeSession(1008, "A name is required");
            return; // never joined, so leave() won't announce it
        }
        newcomer.attribute(NAME, name.strip());
        clients.add(newcomer);
    }

    private void leave(WsContext client) {
        if (clients.remove(client)) {
            broadcast(client.attribute(NAME) + " has left the chat");
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
