package exercises.othersonly;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 03, on step 2: a chat that doesn't send a message back to its sender. */
public final class OthersChat implements ChapterStep {

    private final Set<WsContext> clients = ConcurrentHashMap.newKeySet();

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/chat", ws -> {
            ws.onConnect(clients::add);
            ws.onMessage(ctx -> broadcast("User says: " + ctx.message()));
            ws.onClose(clients::remove);
        });
    }

    // TODO: send to everyone except the client that sent the message
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
