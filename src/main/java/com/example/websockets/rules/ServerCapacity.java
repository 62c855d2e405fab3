package com.example.websockets.rules;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sizes Jetty for many connections on few cores: a small thread pool, since no handler of the
 * app ever blocks, and a listen backlog deep enough for thousands of clients connecting at once.
 */
final class ServerCapacity {

    private ServerCapacity() {
    }

    static void addTo(JavalinConfig config, Settings settings) {
        // tag::capacity[]
        // Every handler only queues work, so threads beyond the cores just take turns.
        config.jetty.threadPool = new QueuedThreadPool(settings.maxThreads(), 4);
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(config.jetty.host);
            connector.setPort(config.jetty.port); // read at start, so start(port) still works
            // Connects waiting to be accepted; the kernel caps it at net.core.somaxconn.
            connector.setAcceptQueueSize(settings.acceptQueue());
            return connector;
        });
        // end::capacity[]
    }
}
