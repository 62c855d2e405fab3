package exercises.notificationoptions;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Exercise 10, on step 3: notifications whose count and interval the client chooses. */
public final class ChosenNotifications implements ChapterStep {

    static final int COUNT = 5;

    private final Duration interval;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor();
    private final Map<WsContext, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();

    public ChosenNotifications() {
        this(Duration.ofSeconds(2));
    }

    public ChosenNotifications(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/notifications", ws -> {
            ws.onConnect(this::subscribe);
            // TODO: "stop" ends the stream early with 1000 "Stopped"
            ws.onClose(this::unsubscribe);
            ws.onError(this::unsubscribe);
        });
        config.events.serverStopping(scheduler::shutdownNow);
    }

    private void subscribe(WsContext subscriber) {
        // TODO: read ?count= and ?interval_ms=, and refuse bad values with 1008 and a reason
        AtomicInteger sent = new AtomicInteger();
        long period = interval.toMillis();
        schedules.put(subscriber, scheduler.scheduleAtFixedRate(
                () -> notify(subscriber, sent.incrementAndGet(), COUNT),
                period, period, TimeUnit.MILLISECONDS));
    }

    private void notify(WsContext subscriber, int number, int count) {
        String text = "🔔 Notification " + number + ": Something happened!";
        if (number < count) {
            subscriber.send(text);
            return;
        }
        unsubscribe(subscriber);
        subscriber.send(text);
        subscriber.closeSession(1000, "All notifications sent"); // queued after it
    }

    private void unsubscribe(WsContext subscriber) {
        ScheduledFuture<?> schedule = schedules.remove(subscriber);
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/NotificationsClient.java \"ws://" + hostAndPort
                + "/notifications?count=3&interval_ms=500\"";
    }
}
