package com.example.websockets.app;

import java.time.Duration;

/**
 * Where the app listens and how Jetty is sized and stopped; README.md lists every setting.
 *
 * @param host        {@code HOST}: the network interface to listen on; loopback only by default
 * @param port        {@code PORT}: where the app listens
 * @param maxThreads  {@code MAX_THREADS}: Jetty's thread pool, 2 per core plus 2; no handler
 *                    blocks, so few are enough, and fewer leave the CPU to the work that is due
 * @param acceptQueue {@code ACCEPT_QUEUE}: connects that may wait to be accepted during a burst
 * @param stopTimeout {@code STOP_TIMEOUT_MS}: how long a stop waits for sockets to take their
 *                    1001 close
 */
public record ServerSettings(
        String host,
        int port,
        int maxThreads,
        int acceptQueue,
        Duration stopTimeout) {

    public static ServerSettings from(Variables variables) {
        return new ServerSettings(
                variables.text("HOST", "127.0.0.1"),
                variables.number("PORT", 8000),
                variables.number("MAX_THREADS", 2 * Runtime.getRuntime().availableProcessors() + 2),
                variables.number("ACCEPT_QUEUE", 4096),
                variables.millis("STOP_TIMEOUT_MS", 2000));
    }
}
