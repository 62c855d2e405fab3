package com.example.websockets.hub;

import com.example.websockets.rules.Broker;
import com.example.websockets.rules.ChapterStep;
import com.example.websockets.rules.DaemonThreads;
import com.example.websockets.rules.Meters;
import com.example.websockets.rules.MessageRate;
import com.example.websockets.rules.Outbox;
import com.example.websockets.rules.Pages;
import com.example.websockets.rules.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5 of CHAPTER.md, notifications from anywhere: code publishes to a {@link NotificationHub}
 * (over HTTP here), and subscribers get each notification of their topics over a WebSocket
 * ({@code /hub}) or as Server-Sent Events ({@code /api/notifications/stream}). {@code /dashboard}
 * draws the server's figures live and lists notifications as they come.
 */
public final class HubEndpoint implements ChapterStep {

    private static final Logger log = LoggerFactory.getLogger(HubEndpoint.class);
    static final int MAX_STREAMS = 1000;
    private static final String TOPICS = "hub-topics";
    private static final String AFTER = "hub-after";
    private static final String RATE = "hub-rate";

    private final NotificationHub hub;
    private final Publishing publishing;
    private final Dashboard dashboard = new Dashboard();
    private final Set<EventStream> streams = ConcurrentHashMap.newKeySet();
    // Javalin writes an event by blocking, so streams get writer threads of their own, never Jetty's.
    private final ExecutorService streamWriters = DaemonThreads.pool("event-stream-writer");
    private final ScheduledExecutorService pings = DaemonThreads.scheduler("event-stream-pings");
    private final long pingSeconds;
    private final int maxQueued;
    private final int rate;
    private final int burst;
    private final String dashboardPage = Pages.load("hub/dashboard.html");
    private final String eventsPage = Pages.load("hub/events.html");

    public HubEndpoint(Settings settings) {
        this(settings, Broker.local());
    }

    /** With the {@link Broker} that numbers, keeps and carries notifications for every instance (step 6). */
    public HubEndpoint(Settings settings, Broker broker) {
        this.hub = new NotificationHub(broker, settings.topicHistory(), Clock.systemUTC());
        this.publishing = new Publishing(hub, settings.publishToken(),
                new MessageRate(settings.publishRate(), settings.publishRate()));
        this.pingSeconds = Math.max(1, settings.idleTimeout().toSeconds() / 2);
        this.maxQueued = settings.maxQueuedMessages();
        this.rate = settings.chatRate();
        this.burst = settings.chatBurst();
    }

    @Override
    public String name() {
        return "hub";
    }

    // tag::routes[]
    @Override
    public void addTo(JavalinConfig config) {
        config.routes.get("/dashboard", ctx -> ctx.html(dashboardPage));
        config.routes.get("/events", ctx -> ctx.html(eventsPage));
        config.routes.post("/api/notifications", publishing::handle);
        config.routes.get("/api/notifications/stream", this::stream);
        config.routes.wsBeforeUpgrade("/hub", this::readSubscription);
        config.routes.ws("/hub", ws -> {
            ws.onConnect(this::subscribe);
            ws.onMessage(this::changeTopics);
            ws.onClose(ctx -> hub.unsubscribe(new SocketSubscriber(ctx)));
            ws.onError(ctx -> hub.unsubscribe(new SocketSubscriber(ctx)));
        });
        config.routes.wsBeforeUpgrade("/dashboard/live", ctx -> dashboard.readFrom(Meters.of(ctx)));
        config.routes.ws("/dashboard/live", ws -> {
            ws.onConnect(dashboard::watch);
            ws.onClose(dashboard::forget);
            ws.onError(dashboard::forget);
        });
        config.events.serverStarted(() -> {
            dashboard.start();
            pings.scheduleAtFixedRate(() -> streams.forEach(EventStream::ping), pingSeconds, pingSeconds, TimeUnit.SECONDS);
        });
        config.events.serverStopping(this::stop);
    }
    // end::routes[]

    @Override
    public String howToTry(String hostAndPort) {
        return "Hub: open http://" + hostAndPort + "/dashboard, then publish with curl (README.md) or java examples/Publisher.java";
    }

    /** A WebSocket subscriber; equal for the same socket, so the hub finds it again when it closes. */
    private record SocketSubscriber(WsContext socket) implements Subscriber {

        @Override
        public void notification(long id, String json) {
            Outbox.send(socket, json);
        }

        @Override
        public void gap(String json) {
            Outbox.send(socket, json);
        }
    }

    // ?topics=orders,lab picks topics (all without it); ?after=41 catches up from notification 41 on.
    private void readSubscription(Context ctx) {
        try {
            ctx.attribute(TOPICS, Topics.parse(ctx.queryParam("topics")));
            ctx.attribute(AFTER, after(ctx.queryParam("after")));
        } catch (IllegalArgumentException bad) {
            Problem.answer(ctx, HttpStatus.BAD_REQUEST, bad.getMessage());
            ctx.skipRemainingHandlers();
        }
    }

    // What was missed comes first, then "subscribed": from there on, everything new.
    private void subscribe(WsContext ctx) {
        Set<String> topics = ctx.attribute(TOPICS);
        ctx.attribute(RATE, new MessageRate(rate, burst)); // each change of topics is answered: no floods
        hub.subscribe(new SocketSubscriber(ctx), topics, ctx.attribute(AFTER));
        Outbox.send(ctx, Wire.subscribed(topics));
    }

    // A subscriber may change its topics: {"type":"subscribe","topics":["orders","lab"]}.
    private void changeTopics(WsMessageContext ctx) {
        MessageRate bucket = ctx.attribute(RATE);
        if (!bucket.admit(ctx)) {
            return;
        }
        try {
            JsonNode message = Wire.JSON.readTree(ctx.message());
            if (!message.path("type").asText().equals("subscribe") || !message.path("topics").isArray()) {
                throw new IllegalArgumentException("Send {\"type\":\"subscribe\",\"topics\":[...]}");
            }
            List<String> names = new ArrayList<>();
            message.path("topics").forEach(topic -> names.add(topic.isTextual() ? topic.asText() : null));
            Set<String> topics = Topics.of(names);
            hub.change(new SocketSubscriber(ctx), topics);
            Outbox.send(ctx, Wire.subscribed(topics));
        } catch (IllegalArgumentException bad) {
            Outbox.send(ctx, Wire.error("bad-subscribe", bad.getMessage()));
        } catch (java.io.IOException malformed) {
            Outbox.send(ctx, Wire.error("bad-json", "The message is not valid JSON"));
        }
    }

    // tag::stream[]
    private void stream(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            Problem.answer(ctx, HttpStatus.NOT_ACCEPTABLE, "This is an event stream: send Accept: text/event-stream");
            return;
        }
        Set<String> topics;
        long after;
        try {
            topics = Topics.parse(ctx.queryParam("topics"));
            // A browser's EventSource sends the id of the last event it got when it reconnects.
            String lastEventId = ctx.header("Last-Event-ID");
            after = after(lastEventId != null ? lastEventId : ctx.queryParam("after"));
        } catch (IllegalArgumentException bad) {
            Problem.answer(ctx, HttpStatus.BAD_REQUEST, bad.getMessage());
            return;
        }
        if (streams.size() >= MAX_STREAMS) {
            Problem.answer(ctx, HttpStatus.SERVICE_UNAVAILABLE, "Too many event streams, try again later");
            return;
        }
        new SseHandler(0, client -> open(client, topics, after)).handle(ctx);
    }

    private void open(SseClient client, Set<String> topics, long after) {
        client.keepAlive();
        EventStream stream = new EventStream(client, streamWriters, maxQueued, tooSlow -> {
            log.info("Cut off an event stream that fell {} events behind", maxQueued);
            tooSlow.close();
        });
        client.onClose(() -> {
            streams.remove(stream);
            hub.unsubscribe(stream);
        });
        streams.add(stream);
        hub.subscribe(stream, topics, after);
        stream.subscribed(Wire.subscribed(topics));
    }
    // end::stream[]

    private static long after(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long after = Long.parseLong(value.trim());
            if (after < 0) {
                throw new NumberFormatException();
            }
            return after;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("after must be the id of a notification, but is '" + value + "'");
        }
    }

    private void stop() {
        dashboard.stop();
        pings.shutdownNow();
        closeStreams();
        streamWriters.shutdown();
    }

    /** Ends every event stream; a browser's EventSource then comes back by itself. */
    void closeStreams() {
        streams.forEach(EventStream::close);
    }
}
