package com.example.websockets.rules;

import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the app counts, served at {@code GET /metrics} in Prometheus' text format: open WebSockets
 * and messages received per path, messages sent, forced closes by code, the JVM's heap and threads.
 * {@link Outbox} and {@link ForcedClose}, which every step calls without an instance, count through
 * Micrometer's global registry, which this app's registry joins while the app runs.
 */
final class SocketMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicInteger> openByPath = new ConcurrentHashMap<>();
    // Looked up once per path, not once per message: received() runs for every message in.
    private final Map<String, Counter> receivedByPath = new ConcurrentHashMap<>();

    SocketMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    void addTo(JavalinConfig config) {
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        config.appData(Meters.KEY, registry);
        config.events.serverStarted(() -> Metrics.globalRegistry.add(registry));
        config.events.serverStopped(() -> Metrics.globalRegistry.remove(registry));
    }

    void opened(WsContext socket) {
        open(socket).incrementAndGet();
    }

    void closed(WsContext socket) {
        open(socket).decrementAndGet();
    }

    void received(WsContext socket) {
        receivedByPath.computeIfAbsent(path(socket), path ->
                registry.counter("websocket.messages.received", "path", path)).increment();
    }

    private AtomicInteger open(WsContext socket) {
        return openByPath.computeIfAbsent(path(socket), path ->
                registry.gauge("websocket.connections.open", Tags.of("path", path), new AtomicInteger()));
    }

    // Only paths with a WebSocket route get upgraded, so there are as many labels as routes.
    private static String path(WsContext socket) {
        return socket.session.getUpgradeRequest().getRequestURI().getPath();
    }
}
