package com.example.websockets.production;

import com.example.websockets.app.Printable;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.http.TooManyRequestsResponse;
import io.javalin.websocket.WsCloseContext;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production rules, attached from outside the steps through Javalin's hooks: every page and
 * socket, whichever steps run, follows the {@link Limits}, the Host and origin checks and the
 * heartbeat; the sockets where one client's messages reach many have a message rate; long-lived
 * event streams count with the sockets. src/docs/production.md walks through them.
 */
public final class Production {

    private static final Logger log = LoggerFactory.getLogger(Production.class);
    // Codes Jetty closes with on its own when a client breaks the protocol or a limit.
    private static final Set<Integer> REFUSALS_BY_JETTY = Set.of(1002, 1007, 1009);
    private static final String ADDRESS = "client-address";

    private Production() {
    }

    /**
     * {@code ratedPaths}: the sockets whose clients may send at most the message rate;
     * {@code streamPaths}: the HTTP routes that hold a response open (Server-Sent Events).
     */
    public static void addTo(JavalinConfig config, Limits limits, List<String> ratedPaths,
                             List<String> streamPaths) {
        HostCheck hosts = new HostCheck(limits.allowedHosts());
        PagePolicy.addTo(config, hosts);
        OriginCheck origins = new OriginCheck(limits.allowedOrigins(), hosts);
        ConnectionLimit connections =
                new ConnectionLimit(limits.maxConnections(), limits.maxPerAddress());
        Heartbeat heartbeat = new Heartbeat(limits.idleTimeout().dividedBy(2));
        MessageRate.limit(config, limits.messageRate(), limits.messageBurst(),
                ratedPaths.toArray(String[]::new));
        // Behind a trusted proxy, the client's own address and scheme, from the proxy's headers.
        TrustedProxies proxies = TrustedProxies.of(limits.trustedProxies());
        config.jetty.modifyHttpConfiguration(http -> http.addCustomizer(proxies));

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
            ctx.attribute(ADDRESS, admit(ctx, "WebSocket handshake", origins, connections, limits));
        });
        // end::handshake[]

        for (String path : streamPaths) {
            config.routes.before(path, ctx -> {
                String address = admit(ctx, "event stream", origins, connections, limits);
                connections.opened(address);
                ctx.attribute(ADDRESS, address);
            });
            // After handlers run once an asynchronous response has ended: the stream is closed.
            // A refused stream never opened, and has no address.
            config.routes.after(path, ctx -> {
                String address = ctx.attribute(ADDRESS);
                if (address != null) {
                    connections.closed(address);
                }
            });
        }

        // tag::every-socket[]
        config.routes.wsBefore(ws -> {
            ws.onConnect(ctx -> {
                ForcedClose.attachTo(ctx, limits.closeGrace());
                connections.opened(ctx.attribute(ADDRESS));
                heartbeat.watch(ctx.session, ctx.attribute(ADDRESS));
            });
            ws.onBinaryMessage(ctx ->
                    ForcedClose.close(ctx, 1003, "Only text messages are accepted"));
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

    // The origin check, then the caps, for a handshake or a stream; answers the client's address.
    // tag::admit[]
    private static String admit(Context ctx, String what, OriginCheck origins,
                                ConnectionLimit connections, Limits limits) {
        String origin = ctx.header("Origin");
        if (!origins.allows(origin, ctx.header("Host"), ctx.req().getLocalPort())) {
            log.info("Refused a {} from origin {}", what, Printable.of(origin));
            throw new ForbiddenResponse("Origin not allowed");
        }
        if (connections.isFull()) {
            log.info("Refused a {}: all {} connections in use", what, limits.maxConnections());
            throw new ServiceUnavailableResponse("Too many connections, try again later");
        }
        String address = ctx.ip(); // the client's, even behind a trusted proxy
        if (connections.isFullFor(address)) {
            log.info("Refused a {} from {}: it has {} open", what, address, limits.maxPerAddress());
            throw new TooManyRequestsResponse("Too many connections from your address");
        }
        return address;
    }
    // end::admit[]

    private static void logRefusalByJetty(WsCloseContext ctx) {
        if (REFUSALS_BY_JETTY.contains(ctx.status())) {
            log.info("WebSocket {} closed by Jetty with {}: {}", ctx.sessionId(), ctx.status(),
                    Printable.of(ctx.reason()));
        }
    }
}
