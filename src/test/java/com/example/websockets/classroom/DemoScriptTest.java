package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.chapter.ChapterOutputs;
import com.example.websockets.testing.AppInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demos of TEACHING.md's script print what the script says, run as a teacher types them
 * against the app: the flood, closed with 1008 where the class can see it, and a foreign page's
 * handshake, refused. Left out of a hand-out, with the script.
 */
@Timeout(120)
class DemoScriptTest {

    // One line past the burst, then input kept open: at the end of its input the client would
    // leave. Not more lines: Jetty ends the connection right after its 1008, and a line sent
    // after that draws a TCP reset that can beat the close frame (2 runs in 40 with thirty).
    static final String FLOOD = "(yes hi | head -n 21; sleep 2)"
            + " | java examples/ChatClient.java 2>/dev/null | tail -n 1";
    static final String FOREIGN_ORIGIN = "curl -s -o /dev/null -w '%{http_code}\\n'"
            + " -H 'Origin: https://evil.example' -H 'Connection: Upgrade' -H 'Upgrade: websocket'"
            + " -H 'Sec-WebSocket-Version: 13' -H 'Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA=='"
            + " http://localhost:8000/chat";

    @Test
    void a_flood_from_a_terminal_client_ends_with_1008_in_that_terminal() throws Exception {
        try (AppInstance app = AppInstance.start(Map.of(), 0, "chat")) {
            String url = "ws://localhost:" + app.port() + "/chat";
            List<String> printed =
                    bash(FLOOD.replace("ChatClient.java", "ChatClient.java " + url));
            ChapterOutputs.check("demo-flood", transcript(FLOOD, printed));
        }
    }

    @Test
    void a_handshake_from_a_foreign_page_is_refused_with_403() throws Exception {
        try (AppInstance app = AppInstance.start(Map.of(), 0, "chat")) {
            List<String> printed = bash(FOREIGN_ORIGIN.replace(":8000", ":" + app.port()));
            ChapterOutputs.check("demo-origin", transcript(FOREIGN_ORIGIN, printed));
        }
    }

    @Test
    void the_blank_app_for_live_coding_says_step_1_is_next(@TempDir Path copy) {
        // The blank app as committed: a teacher may have live-coded into this copy.
        Path exercises = ShippedKit.copy(copy);
        Exercise live = new Exercise(exercises.resolve(Exercise.LIVE.getFileName()));
        List<String> next = ProgressReport.next(live, live.check()).stream().skip(1)
                .map(line -> line.replace(copy.toString().replace('\\', '/') + "/", ""))
                .toList();
        ChapterOutputs.check("demo-live", transcript("./mvnw -q -Pprogress -Dexercise=live",
                next));
    }

    private static List<String> transcript(String command, List<String> printed) {
        List<String> lines = new ArrayList<>(List.of("$ " + command));
        lines.addAll(printed);
        return lines;
    }

    private static List<String> bash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not end");
        return out.lines().toList();
    }
}
