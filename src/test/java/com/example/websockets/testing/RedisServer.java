package com.example.websockets.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throwaway {@code redis-server} for a test: on a free port, keeping nothing on disk,
 * stopped (or killed and started again on the same port) by the test.
 */
public final class RedisServer implements AutoCloseable {

    public static final Path REDIS = Path.of("/usr/bin/redis-server");
    public static final String INSTALL = "apt-get install -y redis-server";

    public final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
        restart();
    }

    /** Starts one, or skips the test (fails it when CI=true) if redis-server isn't installed. */
    public static RedisServer startFresh() {
        if (!Files.isExecutable(REDIS)) {
            String missing = "The tests across several instances need a real Redis; install it with: " + INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RedisServer(port);
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it again on the same port, after {@link #kill()}. */
    public void restart() {
        try {
            process = new ProcessBuilder(List.of(REDIS.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisClient client = RedisClient.create(url());
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("redis-server exited with " + process.exitValue() + " on port " + port);
                        }
                        try (var connection = client.connect()) {
                            return "PONG".equals(connection.sync().ping());
                        }
                    });
        } finally {
            client.shutdown();
        }
    }

    /** Stops it at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
