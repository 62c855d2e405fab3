package exercises.problemdetails;

import com.example.websockets.app.ChapterStep;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 14, on step 5: a publishing endpoint that says what is wrong with a bad request. */
public final class CheckedPublishing implements ChapterStep {

    static final int MAX_TEXT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a publisher sends: {"topic": "orders", "text": "Order 17 shipped"}. */
    record Notification(String topic, String text) {
    }

    private final Set<WsContext> subscribers = ConcurrentHashMap.newKeySet();

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/notifications", ws -> {
            ws.onConnect(subscribers::add);
            ws.onClose(subscribers::remove);
            ws.onError(subscribers::remove);
        });
        config.routes.post("/publish", this::publish);
    }

    // TODO: answer a bad request with 400 and an RFC 9457 problem, and publish nothing
    private void publish(Context ctx) throws Exception {
        Notification notification = JSON.readValue(ctx.body(), Notification.class);
        String text = notification.topic() + ": " + notification.text();
        for (WsContext subscriber : subscribers) {
            subscriber.send(text);
        }
        ctx.status(202).json(Map.of("delivered", subscribers.size()));
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java ws://" + hostAndPort + "/notifications, then"
                + " curl -i -H 'Content-Type: application/json' -d '{\"topic\":\"orders\"}'"
                + " http://" + hostAndPort + "/publish";
    }
}
