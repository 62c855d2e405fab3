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
            ws.onMessage(ctx -> broadcast("User says: " + ctx.message(), ctx));
            ws.onClose(clients::remove);
        });
    }

    private void broadcast(String message, WsContext sender) {
        for (WsContext client : clients) {
            if (!client.equals(sender)) {
                client.send(message);
            }
        }
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/ChatClient.java ws://" + hostAndPort + "/chat in two terminals";
    }
}
