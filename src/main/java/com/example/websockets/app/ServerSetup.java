package com.example.websockets.app;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.session.NullSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The server under every step: where it listens, the pages' shared files, and Jetty sized for
 * many connections on few cores (a small thread pool, since no handler of the app ever blocks,
 * and a listen backlog deep enough for thousands of clients connecting at once).
 */
public final class ServerSetup {

    private ServerSetup() {
    }

    public static void addTo(JavalinConfig config, ServerSettings settings) {
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.staticFiles.add(assets -> {
            assets.hostedPath = "/assets";
            assets.directory = "/assets";
            assets.location = Location.CLASSPATH;
        });
        // Every handler only queues work, so threads beyond the cores just take turns.
        config.jetty.threadPool = new QueuedThreadPool(settings.maxThreads(), 4);
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector =
                    new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(config.jetty.host);
            connector.setPort(config.jetty.port); // read at start, so start(port) still works
            // Connects waiting to be accepted; the kernel caps it at net.core.somaxconn.
            connector.setAcceptQueueSize(settings.acceptQueue());
            return connector;
        });

        // Javalin opens an HTTP session for every WebSocket handshake. The app keeps no
        // session state, so keep none in memory either (about a kilobyte per connection).
        config.jetty.modifyServletContextHandler(context -> {
            NullSessionCache noSessions = new NullSessionCache(context.getSessionHandler());
            noSessions.setSessionDataStore(new NullSessionDataStore());
            context.getSessionHandler().setSessionCache(noSessions);
        });
        // With a stop timeout, Jetty sends every WebSocket a close frame (1001) instead of
        // cutting it; it should outlast the second Jetty gives idle HTTP connections to wind down.
        config.jetty.modifyServer(
                server -> server.setStopTimeout(settings.stopTimeout().toMillis()));
    }
}
