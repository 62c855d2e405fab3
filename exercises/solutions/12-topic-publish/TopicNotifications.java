package exercises.topicpublish;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Exercise 12, on step 5: notifications that any code may publish, each to a topic. */
public final class TopicNotifications implements ChapterStep {

    // Each subscriber and the topics it asked for; an empty set means every topic.
    private final Map<WsContext, Set<String>> subscribers = new ConcurrentHashMap<>();

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/topics", ws -> {
            ws.onConnect(ctx -> subscribers.put(ctx, topics(ctx.queryParam("topics"))));
            ws.onClose(subscribers::remove);
            ws.onError(subscribers::remove);
        });
        config.routes.post("/publish/{topic}", ctx -> {
            int delivered = publish(ctx.pathParam("topic"), ctx.body());
            ctx.result("Delivered to " + delivered);
        });
    }

    /** Sends {@code text} to the subscribers of {@code topic}; answers how many it reached. */
    public int publish(String topic, String text) {
        int delivered = 0;
        for (Map.Entry<WsContext, Set<String>> subscriber : subscribers.entrySet()) {
            Set<String> topics = subscriber.getValue();
            if (topics.isEmpty() || topics.contains(topic)) {
                subscriber.getKey().send(topic + ": " + text);
                delivered++;
            }
        }
        return delivered;
    }

    // "orders, lab" -> {orders, lab}; nothing, or only commas and spaces -> {} (every topic).
    private static Set<String> topics(String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip)
                .filter(topic -> !topic.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java \"ws://" + hostAndPort
                + "/topics?topics=orders\", then curl -d 'Order 17 shipped' http://"
                + hostAndPort + "/publish/orders";
    }
}
