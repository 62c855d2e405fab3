package exercises.onlinecount;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 05, on step 2: a chat that tells everyone how many are online. */
public final class OnlineChat implements ChapterStep {

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
        clients.add(newcomer);
        broadcast(online());
    }

    private void leave(WsContext client) {
        if (clients.remove(client)) {
            broadcast(LEFT);
            broadcast(online());
        }
    }

    private String online() {
        int count = clients.size();
        return count + (count == 1 ? " user" : " users") + " online";
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
