package exercises.topicpublish;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Exercise 12, on step 5: notifications that any code may publish, each to a topic. */
public final class TopicNotifications implements ChapterStep {

    private final Set<WsContext> subscribers = ConcurrentHashMap.newKeySet();

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/topics", ws -> {
            // TODO: keep the topics each subscriber asks for: /topics?topics=orders,lab
            ws.onConnect(subscribers::add);
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
        // TODO: only the subscribers of this topic, and those who asked for every topic
        for (WsContext subscriber : subscribers) {
            subscriber.send(topic + ": " + text);
        }
        return subscribers.size();
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java \"ws://" + hostAndPort
                + "/topics?topics=orders\", then curl -d 'Order 17 shipped' http://"
                + hostAndPort + "/publish/orders";
    }
}
