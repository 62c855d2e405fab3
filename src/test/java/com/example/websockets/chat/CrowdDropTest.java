package com.example.websockets.chat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.AppProcess;
import com.example.websockets.testing.OpenSockets;
import com.example.websockets.testing.RawWebSocket;
import com.example.websockets.testing.TestSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A lecture hall's Wi-Fi drops: thousands of chat clients vanish in the same instant, and the
 * server learns of most of them only when a send to them fails. The app runs in a JVM of its
 * own, so that its whole output, the JVM's own warnings included, can be read.
 */
@Timeout(180)
class CrowdDropTest {

    private static final int CROWD = 2500;

    @Test
    void a_crowd_reset_at_once_is_announced_once_each_and_leaves_no_trace() throws Exception {
        // The crowd comes from one address, as in a test it must: lift the cap per address.
        // Its bare sockets never answer a ping: a beat far longer than the test keeps the
        // heartbeat from cutting them first on a slow machine (it did, at 30 s, under load).
        try (AppProcess app = AppProcess.start("chat",
                Map.of("MAX_CONNECTIONS_PER_ADDRESS", "0", "IDLE_TIMEOUT_MS", "600000"))) {
            List<TestSocket> stayers = List.of(TestSocket.connect(app.port, "/chat"),
                    TestSocket.connect(app.port, "/chat"));
            List<RawWebSocket> crowd = IntStream.range(0, CROWD)
                    .mapToObj(i -> RawWebSocket.connect(app.port, "/chat")).toList();
            OpenSockets.await(app.port, "/chat", CROWD + 2, Duration.ofSeconds(60));

            crowd.forEach(RawWebSocket::reset);
            // Someone speaks at once, so the server sends to the crowd before it has read every
            // reset.
            stayers.get(0).send("still here?");

            OpenSockets.await(app.port, "/chat", 2, Duration.ofSeconds(60));
            for (TestSocket stayer : stayers) {
                List<String> received = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    received.addAll(stayer.unread());
                    return Collections.frequency(received, ChatEndpoint.LEFT_NOTICE) >= CROWD;
                });
            }
            TestSocket newcomer = TestSocket.connect(app.port, "/chat");
            newcomer.send("hello, who is left?");
            for (TestSocket stayer : stayers) {
                List<String> rest = stayer.until("User says: hello, who is left?");
                assertEquals(0, Collections.frequency(rest, ChatEndpoint.LEFT_NOTICE),
                        "each departure announced once");
            }
            newcomer.expect("User says: hello, who is left?");

            String output = app.output();
            for (String trace : List.of("WARN", "ERROR", "Exception", "stack overflow",
                    "Failed toString")) {
                assertTrue(!output.contains(trace),
                        "the log shows '" + trace + "':\n" + tail(output));
            }
            assertTrue(app.stop(Duration.ofSeconds(20)), "the server stops on SIGTERM");
        }
    }

    private static String tail(String output) {
        return output.substring(Math.max(0, output.length() - 4000));
    }
}
