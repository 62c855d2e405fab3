package exercises.joinnotice;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 04, on step 2: a chat that tells everyone already there when someone joins. */
public final class JoinNoticeChat implements ChapterStep {

    static final String JOINED = "A user has joined the chat";
    static final String LEFT = "A user has left the chat";

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
        // TODO: tell everyone already here that a user has joined, but not the newcomer
        clients.add(newcomer);
    }

    private void leave(WsContext client) {
        if (clients.remove(client)) {
            broadcast(LEFT);
        }
    }

    private void broadcast(String message) {
        for (WsContext client : clients) {
            client.send(message);
        }
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/ChatClient.java ws://" + hostAndPort + "/chat in two terminals";
    }
}
