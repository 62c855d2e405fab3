package com.example.websockets.testing;

import com.example.websockets.WebSocketsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The app in a JVM of its own, as {@code java -cp … WebSocketsApp <step>} starts it, for a test
 * that must kill an instance the way a crash does: with no chance to say goodbye.
 */
public final class AppProcess implements AutoCloseable {

    public final int port;
    private final Process process;
    private final Path log;

    private AppProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the step with {@code env} added to the environment, and waits until it answers. */
    public static AppProcess start(String step, Map<String, String> env) {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Path log = Files.createTempFile("app-" + step + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp",
                    System.getProperty("java.class.path"), WebSocketsApp.class.getName(), step))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("PORT", String.valueOf(port));
            AppProcess app = new AppProcess(port, builder.start(), log);
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                if (!app.process.isAlive()) {
                    throw new AssertionError("The app exited with " + app.process.exitValue());
                }
                try (Socket answers = new Socket("127.0.0.1", port)) {
                    return true;
                }
            });
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the app has printed so far, its log and the JVM's own warnings. */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asks it to stop as Ctrl+C does (SIGTERM), and answers whether it exited within
     * {@code wait}.
     */
    public boolean stop(Duration wait) {
        process.destroy();
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Kills it at once (SIGKILL): no stop hooks, no close frames, no goodbye to the other
     * instances.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file: the system cleans it up in time
        }
    }
}
