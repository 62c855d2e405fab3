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

    private static final String PATH = "metrics-path";

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
        // Kept with the socket: the upgrade request parses its URI anew on every call, and
        // received() runs for every message in.
        String path = socket.session.getUpgradeRequest().getRequestURI().getPath();
        socket.attribute(PATH, path);
        open(path).incrementAndGet();
    }

    void closed(WsContext socket) {
        open(path(socket)).decrementAndGet();
    }

    void received(WsContext socket) {
        receivedByPath.computeIfAbsent(path(socket), path ->
                registry.counter("websocket.messages.received", "path", path)).increment();
    }

    // Only paths with a WebSocket route get upgraded, so there are as many labels as routes.
    private AtomicInteger open(String path) {
        return openByPath.computeIfAbsent(path, name ->
                registry.gauge("websocket.connections.open", Tags.of("path", name), new AtomicInteger()));
    }

    private static String path(WsContext socket) {
        String path = socket.attribute(PATH);
        return path != null ? path : socket.session.getUpgradeRequest().getRequestURI().getPath();
    }
}
