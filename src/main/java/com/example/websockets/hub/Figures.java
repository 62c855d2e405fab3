package com.example.websockets.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;

/**
 * Step 5: the figures the dashboard draws, read from the same meters that {@code /metrics} serves.
 * Counters only grow, so each reading turns them into a rate since the one before.
 */
final class Figures {

    private final MeterRegistry meters;
    private long lastNanos = System.nanoTime();
    private double lastIn;
    private double lastOut;
    private double lastPublished;
    private double lastDelivered;

    Figures(MeterRegistry meters) {
        this.meters = meters;
        lastIn = total("websocket.messages.received");
        lastOut = total("websocket.messages.sent");
        lastPublished = total("notifications.published");
        lastDelivered = total("notifications.delivered");
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
        double in = total("websocket.messages.received");
        double out = total("websocket.messages.sent");
        double published = total("notifications.published");
        double delivered = total("notifications.delivered");
        figures.put("messagesInPerSecond", Math.round((in - lastIn) / seconds))
                .put("messagesOutPerSecond", Math.round((out - lastOut) / seconds))
                .put("publishedPerSecond", Math.round((published - lastPublished) / seconds))
                .put("deliveredPerSecond", Math.round((delivered - lastDelivered) / seconds));
        lastIn = in;
        lastOut = out;
        lastPublished = published;
        lastDelivered = delivered;
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
