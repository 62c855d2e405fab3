package com.example.websockets.production;

import com.example.websockets.app.DaemonThreads;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every open WebSocket at a fixed beat (half of {@code IDLE_TIMEOUT_MS}), and cuts the ones
 * that sent nothing at all during the last beat, not even the pong every client owes a ping: a
 * peer that vanished without a word (a pulled cable, a sleeping laptop) is gone between one and
 * two beats after its last byte, where TCP alone would take many minutes. It also cuts a client
 * that took no byte of what the server had for it during a whole beat: it stopped reading, and
 * what waits for it would only grow. A quiet tab, or a slow one that still reads, stays.
 */
final class Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    /** What a socket's connection had done at a beat, and whose it is. */
    private record Seen(String client, long bytesIn, long bytesOut, boolean writing) {
    }

    private final ScheduledExecutorService timer = DaemonThreads.scheduler("heartbeat");
    private final Map<Session, Seen> atLastBeat = new ConcurrentHashMap<>();
    private final Duration beat;

    Heartbeat(Duration beat) {
        this.beat = beat;
    }

    void start() {
        // A fixed delay, not a fixed rate: after a pause (a long GC, a stalled VM) the missed
        // beats would run back to back, and a live peer would get no time to answer the ping.
        timer.scheduleWithFixedDelay(this::beat, beat.toMillis(), beat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** {@code client}: its address, the client's own even behind a trusted proxy, for the log. */
    void watch(Session session, String client) {
        atLastBeat.put(session, new Seen(client, -1, -1, false));
    }

    void forget(Session session) {
        atLastBeat.remove(session);
    }

    void stop() {
        timer.shutdownNow();
    }

    private void beat() {
        atLastBeat.forEach((session, before) -> {
            Seen now = seen(session, before.client());
            if (now.bytesIn() == before.bytesIn()) {
                cut(session, before.client(), "no answer to the last ping");
            } else if (now.writing() && before.writing() && now.bytesOut() == before.bytesOut()) {
                cut(session, before.client(), "it has stopped reading");
            } else {
                atLastBeat.replace(session, before, now);
                session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }
        });
    }

    private void cut(Session session, String client, String why) {
        log.info("Cutting a WebSocket of {}: {}", client, why);
        forget(session);
        session.disconnect();
    }

    // Jetty's listener API has a pong event, but Javalin's WsConfig doesn't pass it on; the
    // connection counts every byte a peer sends, pongs included, which tells us the same. And a
    // write that waits for the peer's socket to take it is "pending" until it does.
    private static Seen seen(Session session, String client) {
        var core = (WebSocketCoreSession) ((WebSocketSession) session).getCoreSession();
        WebSocketConnection connection = core.getConnection();
        boolean writing = connection.getEndPoint() instanceof AbstractEndPoint endPoint
                && endPoint.getWriteFlusher().isPending();
        return new Seen(client, connection.getBytesIn(), connection.getBytesOut(), writing);
    }
}
