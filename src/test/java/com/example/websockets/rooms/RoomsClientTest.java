package com.example.websockets.rooms;

import com.example.websockets.testing.Steps;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.chapter.ChapterOutputs;
import com.example.websockets.testing.ExampleProcess;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code examples/RoomsClient.java}, run as a learner runs it, twice, against the rooms step. */
@Timeout(120)
class RoomsClientTest {

    private final Javalin app = WebSocketsApp.create(Map.of(), List.of(Steps.rooms(Map.of())));

    @Test
    void two_terminal_clients_sign_in_meet_in_a_room_talk_and_whisper() {
        JavalinTest.test(app, (server, http) -> {
            String url = "http://localhost:" + server.port();
            try (ExampleProcess alice = ExampleProcess.start("RoomsClient.java", server.port(),
                    List.of("Alice"), List.of("general", url))) {
                assertTrue(alice.nextLine().startsWith("Signed in as Alice."));
                alice.expectLine("{\"type\":\"joined\",\"room\":\"general\","
                        + "\"present\":[\"Alice\"],\"history\":[],\"gap\":false}");
                try (ExampleProcess bob = ExampleProcess.start("RoomsClient.java", server.port(),
                        List.of("Bob"), List.of("general", url))) {
                    assertTrue(bob.nextLine().startsWith("Signed in as Bob."));
                    bob.expectLine("{\"type\":\"joined\",\"room\":\"general\","
                            + "\"present\":[\"Alice\",\"Bob\"],\"history\":[],\"gap\":false}");
                    alice.expectLine("{\"type\":\"presence\",\"room\":\"general\","
                            + "\"name\":\"Bob\",\"event\":\"came\"}");
                    bob.type("Hi Alice!");
                    String said = "{\"type\":\"message\",\"room\":\"general\",\"id\":...,"
                            + "\"sender\":\"Bob\",\"text\":\"Hi Alice!\",\"time\":";
                    assertTrue(withoutTimes(List.of(alice.nextLine())).get(0).startsWith(said));
                    assertTrue(withoutTimes(List.of(bob.nextLine())).get(0).startsWith(said));
                    alice.type("/msg Bob psst");
                    String whisper = "{\"type\":\"private\",\"from\":\"Alice\",\"to\":\"Bob\","
                            + "\"text\":\"psst\",\"time\":";
                    assertTrue(bob.nextLine().startsWith(whisper));
                    assertTrue(alice.nextLine().startsWith(whisper));
                    alice.endInput();
                    alice.expectLine("Closed: 1000 bye");
                    assertEquals(0, alice.awaitExit());
                    bob.expectLine("{\"type\":\"presence\",\"room\":\"general\","
                            + "\"name\":\"Alice\",\"event\":\"left\"}");
                    ChapterOutputs.check("rooms-terminal-1", withoutTimes(alice.transcript()));
                    ChapterOutputs.check("rooms-terminal-2", withoutTimes(bob.transcript()));
                }
            }
        });
    }

    // Server times and ids (which start from the time) differ on every run; the chapter shows
    // them as "...".
    private static List<String> withoutTimes(List<String> transcript) {
        return transcript.stream()
                .map(line -> line.replaceAll("\"time\":\"[^\"]+\"", "\"time\":\"...\"")
                        .replaceAll("\"id\":\\d+", "\"id\":..."))
                .toList();
    }
}
