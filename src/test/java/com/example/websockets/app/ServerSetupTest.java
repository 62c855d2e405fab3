package com.example.websockets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/** The server is sized and stopped by the numbers in its settings, not by Jetty's defaults. */
class ServerSetupTest {

    @Test
    void the_thread_pool_accept_queue_and_stop_timeout_come_from_the_settings() {
        Variables variables = Variables.of(
                Map.of("MAX_THREADS", "7", "ACCEPT_QUEUE", "123", "STOP_TIMEOUT_MS", "1500"));
        Javalin app = Javalin.create(
                config -> ServerSetup.addTo(config, ServerSettings.from(variables)));
        JavalinTest.test(app, (javalin, http) -> {
            Server server = javalin.jettyServer().server();
            assertEquals(7, ((QueuedThreadPool) server.getThreadPool()).getMaxThreads());
            assertEquals(123, ((ServerConnector) server.getConnectors()[0]).getAcceptQueueSize());
            assertEquals(Duration.ofMillis(1500).toMillis(), server.getStopTimeout());
        });
    }
}
