package com.example.websockets.hub;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step 5: the figures the dashboard draws, read from the same meters that {@code /metrics} serves.
 * Counters only grow, so each reading turns them into a rate since the one before.
 */
final class Figures {

    /** One reading, as the dashboard receives it. */
    record Reading(String type, String time, Map<String, Long> open, long messagesInPerSecond,
                   long framesOutPerSecond, long publishedPerSecond, long deliveredPerSecond,
                   Map<String, Long> forcedCloses, long heapMb, long threads) {
    }

    private static final String[] COUNTERS = {"websocket.messages.received",
        "websocket.frames.sent", "notifications.published", "notifications.delivered"};

    private final MeterRegistry meters;
    private final Map<String, Double> lastTotals = new HashMap<>();
    private long lastNanos = System.nanoTime();

    Figures(MeterRegistry meters) {
        this.meters = meters;
        for (String counter : COUNTERS) {
            lastTotals.put(counter, total(counter));
        }
    }

    synchronized Reading next() {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
        lastNanos = now;
        long[] rates = new long[COUNTERS.length];
        for (int i = 0; i < COUNTERS.length; i++) {
            double total = total(COUNTERS[i]);
            rates[i] = Math.round((total - lastTotals.put(COUNTERS[i], total)) / seconds);
        }
        Map<String, Long> open = new TreeMap<>();
        meters.find("websocket.connections.open").gauges()
                .forEach(gauge -> open.put(gauge.getId().getTag("path"), (long) gauge.value()));
        Map<String, Long> closes = new TreeMap<>();
        meters.find("websocket.forced.closes").counters()
                .forEach(counter -> closes.put(counter.getId().getTag("code"),
                        (long) counter.count()));
        double heap = meters.find("jvm.memory.used").tag("area", "heap").gauges().stream()
                .mapToDouble(Gauge::value).sum();
        Gauge threads = meters.find("jvm.threads.live").gauge();
        return new Reading("figures", Instant.now().toString(), open, rates[0], rates[1], rates[2],
                rates[3], closes, Math.round(heap / (1024 * 1024)),
                threads == null ? 0 : (long) threads.value());
    }

    private double total(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum()
                + meters.find(name).functionCounters().stream()
                        .mapToDouble(FunctionCounter::count).sum();
    }
}
