package com.example.websockets.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Step 5: the figures the dashboard draws, read from the same meters that {@code /metrics} serves.
 * Counters only grow, so each reading turns them into a rate since the one before.
 */
final class Figures {

    // Each rate the dashboard draws, and the counter it comes from.
    private static final Map<String, String> RATES = Map.of(
            "messagesInPerSecond", "websocket.messages.received",
            "messagesOutPerSecond", "websocket.messages.sent",
            "publishedPerSecond", "notifications.published",
            "deliveredPerSecond", "notifications.delivered");

    private final MeterRegistry meters;
    private final Map<String, Double> lastTotals = new HashMap<>();
    private long lastNanos = System.nanoTime();

    Figures(MeterRegistry meters) {
        this.meters = meters;
        RATES.values().forEach(counter -> lastTotals.put(counter, total(counter)));
    }

    synchronized String next() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        lastNanos = now;
        ObjectNode figures = Wire.JSON.createObjectNode().put("type", "figures").put("time", Instant.now().toString());
        ObjectNode open = figures.putObject("open");
        for (Gauge gauge : meters.find("websocket.connections.open").gauges()) {
            open.put(gauge.getId().getTag("path"), (long) gauge.value());
        }
        RATES.forEach((figure, counter) -> {
            double total = total(counter);
            figures.put(figure, Math.round((total - lastTotals.put(counter, total)) / seconds));
        });
        ObjectNode closes = figures.putObject("forcedCloses");
        for (Counter counter : meters.find("websocket.forced.closes").counters()) {
            closes.put(counter.getId().getTag("code"), (long) counter.count());
        }
        double heap = meters.find("jvm.memory.used").tag("area", "heap").gauges().stream().mapToDouble(Gauge::value).sum();
        Gauge threads = meters.find("jvm.threads.live").gauge();
        figures.put("heapMb", Math.round(heap / (1024 * 1024)))
                .put("threads", threads == null ? 0 : (long) threads.value());
        return Wire.write(figures);
    }

    private double total(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }
}
