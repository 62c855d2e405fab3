package com.example.websockets.production;

import com.example.websockets.app.Printable;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.websocket.WsCloseContext;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production rules, attached from outside the steps through Javalin's hooks: every page and
 * socket, whichever steps run, follows the {@link Limits}, the Host and origin checks and the
 * heartbeat, and the sockets where one client's messages reach many have a message rate.
 * docs/production.md walks through them.
 */
public final class Production {

    private static final Logger log = LoggerFactory.getLogger(Production.class);
    // Codes Jetty closes with on its own when a client breaks the protocol or a limit.
    private static final Set<Integer> REFUSALS_BY_JETTY = Set.of(1002, 1007, 1009);
    private static final String ADDRESS = "client-address";

    private Production() {
    }

    /** {@code ratedPaths}: the sockets whose clients may send at most the message rate. */
    public static void addTo(JavalinConfig config, Limits limits, String... ratedPaths) {
        HostCheck hosts = new HostCheck(limits.allowedHosts());
        PagePolicy.addTo(config, hosts);
        OriginCheck origins = new OriginCheck(limits.allowedOrigins(), hosts);
        ConnectionLimit connections = new ConnectionLimit(limits.maxConnections(), limits.maxPerAddress());
        Heartbeat heartbeat = new Heartbeat(limits.idleTimeout().dividedBy(2));
        MessageRate.limit(config, limits.messageRate(), limits.messageBurst(), ratedPaths);

        // tag::limits[]
        config.jetty.modifyWebSocketServletFactory(factory -> {
            factory.setIdleTimeout(limits.idleTimeout());
            factory.setMaxTextMessageSize(limits.maxMessageBytes()); // bigger: closed with 1009
            factory.setMaxOutgoingFrames(limits.maxQueuedMessages()); // more: the send fails
        });
        // end::limits[]

        // tag::handshake[]
        config.routes.wsBeforeUpgrade(ctx -> {
            hosts.check(ctx);
            String origin = ctx.header("Origin");
            if (!origins.allows(origin, ctx.header("Host"), ctx.req().getLocalPort())) {
                log.info("Refused a WebSocket handshake from origin {}", Printable.of(origin));
                throw new ForbiddenResponse("Origin not allowed");
            }
            if (connections.isFull()) {
                log.info("Refused a WebSocket handshake: {} connections open", limits.maxConnections());
                throw new ServiceUnavailableResponse("Too many connections, try again later");
            }
            String address = ctx.req().getRemoteAddr();
            if (connections.isFullFor(address)) {
                log.info("Refused a WebSocket handshake: {} open from one address", limits.maxPerAddress());
                throw new TooManyRequestsResponse("Too many connections from your address");
            }
            ctx.attribute(ADDRESS, address); // the socket keeps it, for counting its close
        });
        // end::handshake[]

        // tag::every-socket[]
        config.routes.wsBefore(ws -> {
            ws.onConnect(ctx -> {
                ForcedClose.attachTo(ctx, limits.closeGrace());
                connections.opened(ctx.attribute(ADDRESS));
                heartbeat.watch(ctx.session);
            });
            ws.onBinaryMessage(ctx -> ForcedClose.close(ctx, 1003, "Only text messages are accepted"));
            ws.onClose(ctx -> {
                connections.closed(ctx.attribute(ADDRESS));
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
        // end::shutdown[]
    }

    private static void logRefusalByJetty(WsCloseContext ctx) {
        if (REFUSALS_BY_JETTY.contains(ctx.status())) {
            log.info("WebSocket {} closed by Jetty with {}: {}", ctx.sessionId(), ctx.status(), ctx.reason());
        }
    }
}
