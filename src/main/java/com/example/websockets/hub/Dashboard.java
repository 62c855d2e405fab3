package com.example.websockets.hub;

import com.example.websockets.app.DaemonThreads;
import com.example.websockets.app.Json;
import com.example.websockets.production.Outbox;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Step 5: the live dashboard's feed. Once a second, every open dashboard gets the same figures
 * over its WebSocket; with no dashboard open, nothing is read.
 */
final class Dashboard {

    private final Set<WsContext> viewers = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = DaemonThreads.scheduler("dashboard");
    private volatile Figures figures;

    /** The app's meters, known once the first dashboard connects. */
    void readFrom(MeterRegistry meters) {
        if (figures == null) {
            figures = new Figures(meters);
        }
    }

    void start() {
        timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }

    void watch(WsContext viewer) {
        viewers.add(viewer);
    }

    void forget(WsContext viewer) {
        viewers.remove(viewer);
    }

    private void tick() {
        if (viewers.isEmpty() || figures == null) {
            return;
        }
        // A failure is logged by the scheduler, and the next second tries again.
        String next = Json.write(figures.next());
        viewers.forEach(viewer -> Outbox.send(viewer, next));
    }
}
