package com.example.websockets.rules;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every open WebSocket at a fixed beat (half of {@code IDLE_TIMEOUT_MS}), and cuts the ones
 * that sent nothing at all during the last beat, not even the pong every client owes a ping. A
 * quiet but live tab stays open; a peer that vanished without a word (a pulled cable, a sleeping
 * laptop) is cut between one and two beats after its last byte, where TCP alone would take many
 * minutes.
 */
final class Heartbeat {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final ScheduledExecutorService timer = DaemonThreads.scheduler("heartbeat");
    // For each open socket, how many bytes it had received at the previous beat.
    private final Map<Session, Long> bytesInAtLastBeat = new ConcurrentHashMap<>();

    private final Duration beat;

    Heartbeat(Duration beat) {
        this.beat = beat;
    }

    void start() {
        timer.scheduleAtFixedRate(this::beat, beat.toMillis(), beat.toMillis(), TimeUnit.MILLISECONDS);
    }

    void watch(Session session) {
        bytesInAtLastBeat.put(session, -1L);
    }

    void forget(Session session) {
        bytesInAtLastBeat.remove(session);
    }

    void stop() {
        timer.shutdownNow();
    }

    private void beat() {
        List<Session> silent = new ArrayList<>();
        bytesInAtLastBeat.forEach((session, before) -> {
            long now = bytesIn(session);
            if (now == before) {
                silent.add(session);
            } else {
                bytesInAtLastBeat.replace(session, before, now);
                session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }
        });
        for (Session session : silent) {
            log.info("Cutting WebSocket {}: no answer to the last ping", session.getRemoteSocketAddress());
            forget(session);
            session.disconnect();
        }
    }

    // Jetty's listener API has a pong event, but Javalin's WsConfig doesn't pass it on; the
    // connection counts every byte a peer sends, pongs included, which tells us the same.
    private static long bytesIn(Session session) {
        var core = (WebSocketCoreSession) ((WebSocketSession) session).getCoreSession();
        return core.getConnection().getBytesIn();
    }
}
