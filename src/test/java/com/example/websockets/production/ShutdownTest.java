package com.example.websockets.production;

import com.example.websockets.WebSocketsApp;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.TestSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stop (here a TERM signal to the real process) says goodbye to every socket, then exits. */
@Timeout(60)
class ShutdownTest {

    @Test
    void a_term_signal_closes_every_socket_with_1001_and_the_process_exits() throws Exception {
        int port = freePort();
        // The process writes to a file: a pipe's last lines can be lost when the process exits.
        Path output = Files.createTempFile("app", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp",
                System.getProperty("java.class.path"), WebSocketsApp.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("IDLE_TIMEOUT_MS", "1000"); // a ping every half second
        Process app = builder.start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> log(output).contains("Ctrl+C stops the server."));
            TestSocket chat = TestSocket.connect(port, "/chat");
            TestSocket notifications = TestSocket.connect(port, "/notifications");
            // A ping shows the server has finished opening the socket, not just the handshake.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> chat.pings() > 0 && notifications.pings() > 0);

            app.destroy(); // SIGTERM, as from Ctrl+C, docker stop or systemd
            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the process exits by itself");
            assertEquals(1001, chat.awaitClose().code(), () -> log(output));
            assertEquals(1001, notifications.awaitClose().code(), () -> log(output));
            assertEquals(143, app.exitValue(), "ended by the signal, after its shutdown hook");
            assertTrue(log(output).contains("Stopping: closing 2 open WebSockets with 1001"),
                    () -> log(output));
            assertThrows(CompletionException.class, () -> TestSocket.connect(port, "/chat"),
                    "no more handshakes");
        } finally {
            app.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static String log(Path output) {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
