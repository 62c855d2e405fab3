package com.example.websockets.testing;

import static org.junit.jupiter.api.Assertions.fail;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throwaway {@code redis-server} for a test: on a free port, in a folder of its own where
 * it saves a snapshot only when told to ({@code SAVE}), stopped (or killed and started again on
 * the same port, from its last snapshot if any) by the test.
 */
public final class RedisServer implements AutoCloseable {

    public static final Path REDIS = Path.of("/usr/bin/redis-server");
    public static final String INSTALL = "apt-get install -y redis-server";

    public final int port;
    private final Path folder;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
        try {
            this.folder = Files.createTempDirectory("redis-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restart();
    }

    /** Starts one, or skips the test (fails it when CI=true) if redis-server isn't installed. */
    public static RedisServer startFresh() {
        if (!Files.isExecutable(REDIS)) {
            String missing = "The tests across several instances need a real Redis;"
                    + " install it with: " + INSTALL;
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
            process = new ProcessBuilder(List.of(REDIS.toString(), "--port", String.valueOf(port),
                    "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", folder.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RedisClient client = RedisClient.create(url());
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("redis-server exited with "
                                    + process.exitValue() + " on port " + port);
                        }
                        try (var connection = client.connect()) {
                            return "PONG".equals(connection.sync().ping());
                        }
                    });
        } finally {
            client.shutdown();
        }
    }

    /**
     * Runs one command, such as {@code CLIENT PAUSE 3000} or {@code SAVE}, on a connection of the
     * test's own.
     */
    public void command(String... words) {
        RedisClient client = RedisClient.create(url());
        try (var connection = client.connect()) {
            CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8);
            Arrays.stream(words).skip(1).forEach(args::add);
            connection.sync().dispatch(CommandType.valueOf(words[0]), new AnyReply(), args);
        } finally {
            client.shutdown();
        }
    }

    /** True while a {@code CLIENT PAUSE} holds every command: a PING gets no answer in 300 ms. */
    public boolean paused() {
        RedisURI uri = RedisURI.create(url());
        uri.setTimeout(Duration.ofMillis(300));
        RedisClient client = RedisClient.create(uri);
        try (var connection = client.connect()) {
            connection.sync().ping();
            return false;
        } catch (RedisCommandTimeoutException noAnswer) {
            return true;
        } catch (RedisConnectionException noHandshake) {
            return noHandshake.getCause() instanceof RedisCommandTimeoutException; // it greets
                                                                                   // first
        } finally {
            client.shutdown();
        }
    }

    /** Takes whatever Redis answers: OK, a number, a list. */
    private static final class AnyReply extends CommandOutput<String, String, String> {
        AnyReply() {
            super(StringCodec.UTF8, "");
        }

        @Override
        public void set(ByteBuffer bytes) {
        }

        @Override
        public void set(long number) {
        }
    }

    /** Forgets its snapshot: the next start is empty. */
    public void forgetSnapshot() {
        try {
            Files.deleteIfExists(folder.resolve("dump.rdb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        forgetSnapshot();
        folder.toFile().delete();
    }
}
