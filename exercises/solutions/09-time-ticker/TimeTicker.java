package exercises.timeticker;

import com.example.websockets.app.ChapterStep;
import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Exercise 09, on step 3: a socket that sends the time every interval until told to stop. */
public final class TimeTicker implements ChapterStep {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Duration interval;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor();
    private final Map<WsContext, ScheduledFuture<?>> ticks = new ConcurrentHashMap<>();

    public TimeTicker() {
        this(Duration.ofSeconds(1));
    }

    public TimeTicker(Duration interval) {
        this.interval = interval;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/time", ws -> {
            ws.onConnect(this::start);
            ws.onMessage(ctx -> {
                if (ctx.message().equals("stop")) {
                    stop(ctx);
                    ctx.closeSession(1000, "Stopped");
                }
            });
            ws.onClose(this::stop);
            ws.onError(this::stop);
        });
        config.events.serverStopping(scheduler::shutdownNow);
    }

    private void start(WsContext client) {
        long period = interval.toMillis();
        tick(client);
        ticks.put(client, scheduler.scheduleAtFixedRate(
                () -> tick(client), period, period, TimeUnit.MILLISECONDS));
    }

    private void stop(WsContext client) {
        ScheduledFuture<?> clock = ticks.remove(client);
        if (clock != null) {
            clock.cancel(false);
        }
    }

    private void tick(WsContext client) {
        client.send("Time: " + LocalTime.now().format(CLOCK));
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java ws://" + hostAndPort
                + "/time and type stop to end it";
    }
}
