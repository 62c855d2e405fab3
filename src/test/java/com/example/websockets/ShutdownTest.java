package com.example.websockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WebSocketsApp.class.getName()).redirectErrorStream(true);
        builder.environment().put("PORT", String.valueOf(port));
        Process app = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null && !line.startsWith("Ctrl+C"); line = output.readLine()) {
                // wait until the app says it is ready
            }
            TestSocket chat = TestSocket.connect(port, "/chat");
            TestSocket notifications = TestSocket.connect(port, "/notifications");

            app.destroy(); // SIGTERM, as from Ctrl+C, docker stop or systemd
            assertEquals(1001, chat.awaitClose().code());
            assertEquals(1001, notifications.awaitClose().code());
            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the process exits by itself");
            assertEquals(143, app.exitValue(), "ended by the signal, after its shutdown hook");
            assertThrows(CompletionException.class, () -> TestSocket.connect(port, "/chat"), "no more handshakes");
        } finally {
            app.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
