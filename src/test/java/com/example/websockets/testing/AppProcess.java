package com.example.websockets.testing;

import com.example.websockets.WebSocketsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The app in a JVM of its own, as {@code java -cp … WebSocketsApp <step>} starts it, for a test
 * that must kill an instance the way a crash does: with no chance to say goodbye.
 */
public final class AppProcess implements AutoCloseable {

    public final int port;
    private final Process process;

    private AppProcess(int port, Process process) {
        this.port = port;
        this.process = process;
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
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                WebSocketsApp.class.getName(), step)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        try {
            AppProcess app = new AppProcess(port, builder.start());
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

    /** Kills it at once (SIGKILL): no stop hooks, no close frames, no goodbye to the other instances. */
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
    }
}
