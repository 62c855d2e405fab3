package com.example.websockets.notifications;

import com.example.websockets.app.ChapterStep;
import com.example.websockets.app.Pages;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Step 3 of CHAPTER.md, the chapter's notification system on {@code /notifications}: five
 * numbered notifications, one per interval, then a normal close (1000).
 */
public final class NotificationEndpoint implements ChapterStep {

    static final int COUNT = 5;
    static final String DONE_REASON = "All notifications sent";

    private final Duration interval;
    private final String page = Pages.load("notifications/notifications.html");
    // tag::scheduler[]
    // One timer thread keeps every subscriber's schedule: a schedule is an entry in its queue,
    // not a thread asleep.
    private final ScheduledExecutorService scheduler;
    private final Map<WsContext, ScheduledFuture<?>> schedules = new ConcurrentHashMap<>();
    // end::scheduler[]

    /**
     * {@code scheduler}: any of the JDK's, such as
     * {@code Executors.newSingleThreadScheduledExecutor()}; the app hands in one that also measures
     * how late each run starts.
     */
    public NotificationEndpoint(Duration interval, ScheduledExecutorService scheduler) {
        this.interval = interval;
        this.scheduler = scheduler;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.get("/notifications", ctx -> ctx.html(page));
        // tag::notifications[]
        config.routes.ws("/notifications", ws -> {
            ws.onConnect(this::subscribe);
            ws.onClose(this::unsubscribe);
            ws.onError(this::unsubscribe);
        });
        config.events.serverStopping(scheduler::shutdownNow);
        // end::notifications[]
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Notifications: open http://" + hostAndPort + "/notifications"
                + " or run java examples/NotificationsClient.java";
    }

    // tag::subscribe[]
    private void subscribe(WsContext subscriber) {
        AtomicInteger sent = new AtomicInteger();
        long period = interval.toMillis();
        // Fixed rate: notification i is due at connect time + i * interval, so delays don't add up.
        Runnable next = () -> notify(subscriber, sent.incrementAndGet());
        schedules.put(subscriber,
                scheduler.scheduleAtFixedRate(next, period, period, TimeUnit.MILLISECONDS));
    }

    private void notify(WsContext subscriber, int number) {
        subscriber.send("🔔 Notification " + number + ": Something happened!");
        if (number == COUNT) {
            unsubscribe(subscriber);
            // Queued behind the last notification, so it goes out after it.
            subscriber.closeSession(WsCloseStatus.NORMAL_CLOSURE, DONE_REASON);
        }
    }

    private void unsubscribe(WsContext subscriber) {
        ScheduledFuture<?> schedule = schedules.remove(subscriber);
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
    // end::subscribe[]

    int activeSchedules() {
        return schedules.size();
    }
}
