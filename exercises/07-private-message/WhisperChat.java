package exercises.privatemessage;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 07, on exercise 06: a named chat with private messages, {@code /msg Bob hi}. */
public final class WhisperChat implements ChapterStep {

    private static final String NAME = "name"; // the attribute that keeps it

    private final Set<WsContext> clients = ConcurrentHashMap.newKeySet();

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/chat", ws -> {
            ws.onConnect(this::join);
            ws.onMessage(this::receive);
            ws.onClose(this::leave);
            ws.onError(this::leave);
        });
    }

    private void receive(WsMessageContext ctx) {
        String sender = ctx.attribute(NAME);
        // TODO: "/msg Bob text" goes to Bob only, with a confirmation to the sender
        broadcast(sender + " says: " + ctx.message());
    }

    // Names come as in exercise 06, /chat?name=Alice; here a client without one is Anonymous.
    private void join(WsContext newcomer) {
        String given = newcomer.queryParam("name");
        boolean named = given != null && !given.isBlank();
        newcomer.attribute(NAME, named ? given.strip() : "Anonymous");
        clients.add(newcomer);
    }

    private void leave(WsContext client) {
        if (clients.remove(client)) {
            String name = client.attribute(NAME);
            broadcast(name + " has left the chat");
        }
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
