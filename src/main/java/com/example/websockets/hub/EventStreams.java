package com.example.websockets.hub;

import com.example.websockets.app.DaemonThreads;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5's {@code GET /api/notifications/stream}: the hub's notifications as Server-Sent Events,
 * which a browser's {@code EventSource} reads and resumes by itself with {@code Last-Event-ID}.
 */
final class EventStreams {

    static final int MAX_STREAMS = 1000;
    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

    private final NotificationHub hub;
    private final HubSettings settings;
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    // Javalin writes an event by blocking, so streams get writer threads of their own,
    // never Jetty's.
    private final ExecutorService writers = DaemonThreads.pool("event-stream-writer");
    private final ScheduledExecutorService pings = DaemonThreads.scheduler("event-stream-pings");

    EventStreams(NotificationHub hub, HubSettings settings) {
        this.hub = hub;
        this.settings = settings;
    }

    void start() {
        long every = Math.max(1, settings.keepAlive().toMillis());
        pings.scheduleAtFixedRate(() -> streams.forEach(EventStream::ping), every, every,
                TimeUnit.MILLISECONDS);
    }

    // tag::stream[]
    void handle(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            Problem.answer(ctx, HttpStatus.NOT_ACCEPTABLE,
                    "This is an event stream: send Accept: text/event-stream");
            return;
        }
        Set<String> topics;
        long after;
        try {
            topics = Topics.parse(ctx.queryParam("topics"));
            // A browser's EventSource sends the id of the last event it got when it reconnects.
            String lastEventId = ctx.header("Last-Event-ID");
            after = Topics.after(lastEventId != null ? lastEventId : ctx.queryParam("after"));
        } catch (IllegalArgumentException bad) {
            Problem.answer(ctx, HttpStatus.BAD_REQUEST, bad.getMessage());
            return;
        }
        if (streams.size() >= MAX_STREAMS) {
            Problem.answer(ctx, HttpStatus.SERVICE_UNAVAILABLE,
                    "Too many event streams, try again later");
            return;
        }
        new SseHandler(0, client -> open(client, topics, after)).handle(ctx);
    }

    private void open(SseClient client, Set<String> topics, long after) {
        client.keepAlive();
        EventStream stream = new EventStream(client, writers, settings.maxQueuedEvents(),
                tooSlow -> {
                    log.info("Cut off an event stream that fell {} events behind",
                            settings.maxQueuedEvents());
                    tooSlow.close();
                });
        client.onClose(() -> {
            streams.remove(stream);
            hub.unsubscribe(stream);
        });
        streams.add(stream);
        hub.subscribe(stream, topics, after);
    }
    // end::stream[]

    /** Ends every event stream; a browser's EventSource then comes back by itself. */
    void closeAll() {
        streams.forEach(EventStream::close);
    }

    void stop() {
        pings.shutdownNow();
        closeAll();
        writers.shutdown();
    }
}
