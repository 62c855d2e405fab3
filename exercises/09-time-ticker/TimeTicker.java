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
            // TODO: tick every interval; "stop" closes with 1000 "Stopped";
            //       a client that leaves stops its clock
            ws.onConnect(this::tick);
        });
        config.events.serverStopping(scheduler::shutdownNow);
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
