package com.example.websockets.bench;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * For the handshake figure only: an echo on {@code /ws} straight on Jetty 12's WebSocket server,
 * with no servlet and no Javalin, and the app's thread pool and listen queue. It shows what a
 * handshake costs on this JVM and Jetty before Javalin and the app add theirs. Not an example to
 * copy. Its classes come with Javalin (which builds on them), so the pom names no dependency for
 * it.
 */
public final class BareJettyEcho {

    private BareJettyEcho() {
    }

    /** Echoes each text message back. */
    public static final class Echo implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String text) {
            session.sendText(text, Callback.NOOP);
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = 2 * Runtime.getRuntime().availableProcessors() + 2; // the app's default
                                                                          // MAX_THREADS
        Server server = new Server(new QueuedThreadPool(threads, threads));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(Integer.parseInt(System.getenv("PORT")));
        connector.setAcceptQueueSize(4096);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> container.addMapping(
                "/ws", (request, response, callback) -> new Echo())));
        server.start();
        System.out.println("listening on " + connector.getPort());
        server.join();
    }
}
