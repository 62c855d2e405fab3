package exercises.problemdetails;

import com.example.websockets.app.ChapterStep;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exercise 14, on step 5: a publishing endpoint that says what is wrong with a bad request. */
public final class CheckedPublishing implements ChapterStep {

    static final int MAX_TEXT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(CheckedPublishing.class);

    /** What a publisher sends: {"topic": "orders", "text": "Order 17 shipped"}. */
    record Notification(String topic, String text) {
    }

    /** An error answer in the shape of RFC 9457; {@code field} names the field that is wrong. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Problem(String type, String title, int status, String detail, String field) {
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

    private void publish(Context ctx) throws JsonProcessingException {
        Notification notification;
        try {
            notification = JSON.readValue(ctx.body(), Notification.class);
        } catch (JsonProcessingException notAnObject) {
            notification = null;
        }
        if (notification == null) {
            refuse(ctx, "The body must be a JSON object with topic and text", null);
        } else if (notification.topic() == null || notification.topic().isBlank()) {
            refuse(ctx, "topic is required", "topic");
        } else if (!notification.topic().matches("[a-z0-9-]{1,40}")) {
            refuse(ctx, "topic must be 1 to 40 lowercase letters, digits or dashes", "topic");
        } else if (notification.text() == null || notification.text().isBlank()) {
            refuse(ctx, "text is required", "text");
        } else if (notification.text().length() > MAX_TEXT) {
            refuse(ctx, "text must be at most " + MAX_TEXT + " characters", "text");
        } else {
            String text = notification.topic() + ": " + notification.text();
            for (WsContext subscriber : subscribers) {
                subscriber.send(text);
            }
            ctx.status(202).json(Map.of("delivered", subscribers.size()));
        }
    }

    // One log line, without what the client sent: the detail says which rule it broke.
    private static void refuse(Context ctx, String detail, String field)
            throws JsonProcessingException {
        log.info("Refused a publish from {}: {}", ctx.ip(), detail);
        Problem problem = new Problem("about:blank", "Bad Request", 400, detail, field);
        ctx.status(400).contentType("application/problem+json")
                .result(JSON.writeValueAsString(problem));
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java ws://" + hostAndPort + "/notifications, then"
                + " curl -i -H 'Content-Type: application/json' -d '{\"topic\":\"orders\"}'"
                + " http://" + hostAndPort + "/publish";
    }
}
