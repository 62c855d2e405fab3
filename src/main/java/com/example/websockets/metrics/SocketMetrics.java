package com.example.websockets.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;

/**
 * What the app counts, served at {@code GET /metrics} in Prometheus' text format: WebSockets open
 * and opened so far and messages received per path, frames sent, forced closes by code, how late
 * the timers run, the JVM's heap and threads. It measures every socket from outside, through
 * Javalin's hooks and Jetty's own counters; parts of the app without an instance count through
 * Micrometer's global registry, which this registry joins while the app runs.
 */
public final class SocketMetrics {

    private static final String PATH = "metrics-path";
    // A step may close a socket inside its own onConnect, and its close can then be counted
    // before its opening: the opening then counts nothing.
    private static final String CLOSED_FIRST = "";

    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicInteger> openByPath = new ConcurrentHashMap<>();
    // Looked up once per path, not once per message: received() runs for every message in.
    private final Map<String, Counter> receivedByPath = new ConcurrentHashMap<>();
    private final Map<Session, String> open = new ConcurrentHashMap<>(); // socket -> path
    private final LongAdder framesOfClosedSockets = new LongAdder();
    private double framesReported;

    private SocketMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        FunctionCounter.builder("websocket.frames.sent", this, SocketMetrics::framesSent)
                .description("Frames written to clients: messages, and the pings and closes"
                        + " around them")
                .register(registry);
    }

    public static void addTo(JavalinConfig config) {
        SocketMetrics metrics = new SocketMetrics();
        config.routes.get("/metrics", ctx -> ctx
                .contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.registry.scrape()));
        config.appData(Meters.KEY, metrics.registry);
        config.events.serverStarted(() -> Metrics.globalRegistry.add(metrics.registry));
        config.events.serverStopped(() -> Metrics.globalRegistry.remove(metrics.registry));
        // After the step's own handlers: Javalin takes one wsBefore for every path, and the
        // production rules have it. A socket counts as open once its step has taken it in.
        config.routes.wsAfter(ws -> {
            ws.onConnect(metrics::opened);
            ws.onMessage(metrics::received);
            ws.onClose(metrics::closed);
        });
    }

    private void opened(WsContext socket) {
        String path = path(socket);
        registry.counter("websocket.connections.opened", "path", path).increment();
        if (open.compute(socket.session, (session, seen) -> seen == null ? path : null) != null) {
            open(path).incrementAndGet();
        }
    }

    private void closed(WsContext socket) {
        String path = open.compute(socket.session,
                (session, seen) -> seen == null ? CLOSED_FIRST : null);
        if (path == null) { // it was open: counted, and now not any more
            open(path(socket)).decrementAndGet();
            framesOfClosedSockets.add(framesOut(socket.session));
        }
    }

    private void received(WsContext socket) {
        receivedByPath.computeIfAbsent(path(socket), path ->
                registry.counter("websocket.messages.received", "path", path)).increment();
    }

    // Kept with the socket: the upgrade request parses its URI anew on every call, and received()
    // runs for every message in.
    private static String path(WsContext socket) {
        String path = socket.attribute(PATH);
        if (path == null) {
            path = socket.session.getUpgradeRequest().getRequestURI().getPath();
            socket.attribute(PATH, path);
        }
        return path;
    }

    // A counter never goes down: while a socket moves from open to closed, the sum may dip.
    private synchronized double framesSent() {
        long now = framesOfClosedSockets.sum() + open.entrySet().stream()
                .filter(entry -> !entry.getValue().isEmpty())
                .mapToLong(entry -> framesOut(entry.getKey())).sum();
        framesReported = Math.max(framesReported, now);
        return framesReported;
    }

    // Only paths with a WebSocket route get upgraded, so there are as many labels as routes.
    private AtomicInteger open(String path) {
        return openByPath.computeIfAbsent(path, name -> registry.gauge(
                "websocket.connections.open", Tags.of("path", name), new AtomicInteger()));
    }

    // Jetty counts every frame it writes on a connection; Javalin's context doesn't pass it on.
    private static long framesOut(Session session) {
        var core = (WebSocketCoreSession) ((WebSocketSession) session).getCoreSession();
        return core.getConnection().getMessagesOut();
    }
}
