package com.example.websockets.rules;

import io.javalin.config.JavalinConfig;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.websocket.WsCloseContext;
import java.util.Set;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules every WebSocket of the app follows, whichever steps run: the limits of
 * {@link Settings}, the Host and origin checks, the heartbeat, and a clean shutdown; and, through
 * {@link PagePolicy}, the rules for pages. CHAPTER.md's "Making it production-ready" walks
 * through them.
 */
public final class SocketPolicy {

    private static final Logger log = LoggerFactory.getLogger(SocketPolicy.class);
    // Codes Jetty closes with on its own when a client breaks the protocol or a limit.
    private static final Set<Integer> REFUSALS_BY_JETTY = Set.of(1002, 1007, 1009);
    private static final String ADDRESS = "client-address";

    private SocketPolicy() {
    }

    public static void addTo(JavalinConfig config, Settings settings) {
        ServerCapacity.addTo(config, settings);
        HostCheck hosts = new HostCheck(settings.allowedHosts());
        PagePolicy.addTo(config, hosts);
        OriginCheck origins = new OriginCheck(settings.allowedOrigins(), hosts);
        ConnectionLimit connections = new ConnectionLimit(settings.maxConnections(), settings.maxPerAddress());
        Heartbeat heartbeat = new Heartbeat(settings.idleTimeout().dividedBy(2));
        SocketMetrics metrics = new SocketMetrics();
        metrics.addTo(config);

        // tag::limits[]
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setIdleTimeout(settings.idleTimeout());
            factory.setMaxTextMessageSize(settings.maxMessageBytes()); // bigger: closed with 1009
            factory.setMaxOutgoingFrames(settings.maxQueuedMessages()); // more: the send fails
        });
        // end::limits[]

        // Javalin opens an HTTP session for every WebSocket handshake. The app keeps no
        // session state, so keep none in memory either (about a kilobyte per connection).
        config.jetty.modifyServletContextHandler(context -> {
            NullSessionCache noSessions = new NullSessionCache(context.getSessionHandler());
            noSessions.setSessionDataStore(new NullSessionDataStore());
            context.getSessionHandler().setSessionCache(noSessions);
        });

        // tag::handshake[]
        config.routes.wsBeforeUpgrade(ctx -> {
            hosts.check(ctx);
            String origin = ctx.header("Origin");
            if (!origins.allows(origin, ctx.header("Host"), ctx.req().getLocalPort())) {
                log.info("Refused a WebSocket handshake from origin {}", origin);
                throw new ForbiddenResponse("Origin not allowed");
            }
            if (connections.isFull()) {
                log.info("Refused a WebSocket handshake: {} connections open", settings.maxConnections());
                throw new ServiceUnavailableResponse("Too many connections, try again later");
            }
            String address = ctx.req().getRemoteAddr();
            if (connections.isFullFor(address)) {
                log.info("Refused a WebSocket handshake: {} open from one address", settings.maxPerAddress());
                throw new TooManyRequestsResponse("Too many connections from your address");
            }
            ctx.attribute(ADDRESS, address); // the socket keeps it, for counting its close
        });
        // end::handshake[]

        // tag::every-socket[]
        config.routes.wsBefore(ws -> {
            ws.onConnect(ctx -> {
                ForcedClose.attachTo(ctx, settings.closeGrace());
                connections.opened(ctx.attribute(ADDRESS));
                metrics.opened(ctx);
                heartbeat.watch(ctx.session);
            });
            ws.onMessage(metrics::received);
            ws.onBinaryMessage(ctx -> ForcedClose.close(ctx, 1003, "Only text messages are accepted"));
            ws.onClose(ctx -> {
                connections.closed(ctx.attribute(ADDRESS));
                metrics.closed(ctx);
                heartbeat.forget(ctx.session);
                logRefusalByJetty(ctx);
            });
        });
        // end::every-socket[]

        // tag::shutdown[]
        config.events.serverStarted(heartbeat::start);
        config.events.serverStopping(() -> {
            log.info("Stopping: closing {} open WebSockets with 1001", connections.open());
            heartbeat.stop();
        });
        // With a stop timeout, Jetty sends every WebSocket a close frame (1001) instead of
        // cutting it; it should outlast the second Jetty gives idle HTTP connections to wind down.
        config.jetty.modifyServer(server -> server.setStopTimeout(settings.stopTimeout().toMillis()));
        // end::shutdown[]
    }

    private static void logRefusalByJetty(WsCloseContext ctx) {
        if (REFUSALS_BY_JETTY.contains(ctx.status())) {
            log.info("WebSocket {} closed by Jetty with {}: {}", ctx.sessionId(), ctx.status(), ctx.reason());
        }
    }
}
