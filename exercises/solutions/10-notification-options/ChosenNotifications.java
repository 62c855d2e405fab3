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
            ws.onMessage(ctx -> {
                if (ctx.message().equals("stop")) {
                    unsubscribe(ctx);
                    ctx.closeSession(1000, "Stopped");
                }
            });
            ws.onClose(this::unsubscribe);
            ws.onError(this::unsubscribe);
        });
        config.events.serverStopping(scheduler::shutdownNow);
    }

    private void subscribe(WsContext subscriber) {
        Integer count = option(subscriber, "count", COUNT, 1, 20);
        if (count == null) {
            return;
        }
        Integer period = option(subscriber, "interval_ms", (int) interval.toMillis(), 100, 60_000);
        if (period == null) {
            return;
        }
        AtomicInteger sent = new AtomicInteger();
        schedules.put(subscriber, scheduler.scheduleAtFixedRate(
                () -> notify(subscriber, sent.incrementAndGet(), count),
                period, period, TimeUnit.MILLISECONDS));
    }

    /**
     * The value of {@code ?name=}, its fallback when absent, or null once a bad value closed the
     * socket.
     */
    private static Integer option(WsContext subscriber, String name, int fallback, int min,
            int max) {
        String value = subscriber.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // refused below, like a number out of range
        }
        subscriber.closeSession(1008, name + " must be a whole number from " + min + " to " + max);
        return null;
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
