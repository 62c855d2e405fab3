package com.example.websockets.hub;

import com.example.websockets.app.ChapterStep;
import com.example.websockets.app.Pages;
import com.example.websockets.broker.Broker;
import com.example.websockets.metrics.Meters;
import com.example.websockets.production.MessageRate;
import io.javalin.config.JavalinConfig;
import java.time.Clock;

/**
 * Step 5 of CHAPTER.md, notifications from anywhere: code publishes to a {@link NotificationHub}
 * (over HTTP here), and subscribers get each notification of their topics over a WebSocket
 * ({@code /hub}) or as Server-Sent Events ({@code /api/notifications/stream}). {@code /dashboard}
 * draws the server's figures live and lists notifications as they come.
 */
public final class HubEndpoint implements ChapterStep {

    private final Publishing publishing;
    private final HubSockets sockets;
    private final EventStreams streams;
    private final Dashboard dashboard = new Dashboard();
    private final String dashboardPage = Pages.load("hub/dashboard.html");
    private final String eventsPage = Pages.load("hub/events.html");

    /**
     * With the {@link Broker} that numbers, keeps and carries notifications (step 6: for every
     * instance).
     */
    public HubEndpoint(HubSettings settings, Broker broker) {
        NotificationHub hub = new NotificationHub(broker, settings.topicHistory(),
                Clock.systemUTC());
        this.publishing = new Publishing(hub, settings.publishToken(),
                new MessageRate(settings.publishRate(), settings.publishRate()));
        this.sockets = new HubSockets(hub);
        this.streams = new EventStreams(hub, settings);
    }

    // tag::routes[]
    @Override
    public void addTo(JavalinConfig config) {
        config.routes.get("/dashboard", ctx -> ctx.html(dashboardPage));
        config.routes.get("/events", ctx -> ctx.html(eventsPage));
        config.routes.post("/api/notifications", publishing::handle);
        config.routes.get("/api/notifications/stream", streams::handle);
        config.routes.wsBeforeUpgrade("/hub", sockets::readSubscription);
        config.routes.ws("/hub", ws -> {
            ws.onConnect(sockets::subscribe);
            ws.onMessage(sockets::changeTopics);
            ws.onClose(sockets::unsubscribe);
            ws.onError(sockets::unsubscribe);
        });
        config.routes.wsBeforeUpgrade("/dashboard/live", ctx -> dashboard.readFrom(Meters.of(ctx)));
        config.routes.ws("/dashboard/live", ws -> {
            ws.onConnect(dashboard::watch);
            ws.onClose(dashboard::forget);
            ws.onError(dashboard::forget);
        });
        config.events.serverStarted(() -> {
            dashboard.start();
            streams.start();
        });
        config.events.serverStopping(() -> {
            dashboard.stop();
            streams.stop();
        });
    }
    // end::routes[]

    @Override
    public String howToTry(String hostAndPort) {
        return "Hub: open http://" + hostAndPort + "/dashboard,"
                + " then publish with curl (README.md) or java examples/Publisher.java";
    }

    /** Ends every event stream; a browser's EventSource then comes back by itself. */
    void closeStreams() {
        streams.closeAll();
    }
}
