package exercises.privatemessage;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.util.List;
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
        String text = ctx.message();
        if (text.equals("/msg") || text.startsWith("/msg ")) {
            whisper(ctx, sender, text.substring(4).strip());
        } else {
            broadcast(sender + " says: " + text);
        }
    }

    private void whisper(WsContext from, String sender, String command) {
        String[] nameAndText = command.split(" ", 2);
        if (nameAndText.length < 2 || nameAndText[1].isBlank()) {
            from.send("Usage: /msg <name> <text>");
            return;
        }
        String name = nameAndText[0];
        String text = nameAndText[1];
        List<WsContext> recipients = clients.stream()
                .filter(client -> name.equals(client.attribute(NAME))).toList();
        if (recipients.isEmpty()) {
            from.send("No one called " + name + " is here");
            return;
        }
        recipients.forEach(recipient -> recipient.send(sender + " whispers: " + text));
        from.send("You whisper to " + name + ": " + text);
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
