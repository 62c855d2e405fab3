package com.example.websockets.rooms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.testing.AppProcess;
import com.example.websockets.testing.OpenSockets;
import com.example.websockets.testing.RawWebSocket;
import com.example.websockets.testing.RoomsUser;
import com.example.websockets.testing.RoomsUser.Tab;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chat's crowd drop, in a room: everyone in it vanishes at once, and each departure the
 * server learns of by a failed send is told to the others, whose sends fail in turn. The app
 * runs in a JVM of its own, so that its whole output can be read.
 */
@Timeout(180)
class RoomsCrowdDropTest {

    private static final int CROWD = 1500;

    @Test
    void a_room_whose_crowd_is_reset_at_once_tells_each_departure_and_leaves_no_trace()
            throws Exception {
        // The crowd comes from one address, as in a test it must: lift the cap per address.
        // Its bare sockets never answer a ping: a beat far longer than the test keeps the
        // heartbeat from cutting them first on a slow machine (it did, at 30 s, under load).
        try (AppProcess app = AppProcess.start("rooms",
                Map.of("MAX_CONNECTIONS_PER_ADDRESS", "0", "IDLE_TIMEOUT_MS", "600000"))) {
            Tab stayer = RoomsUser.signIn(app.port, "Stayer").open();
            stayer.enter("hall");
            byte[] join = "{\"type\":\"join\",\"room\":\"hall\"}".getBytes(StandardCharsets.UTF_8);
            List<RawWebSocket> crowd = IntStream.range(0, CROWD).parallel().mapToObj(i -> {
                RoomsUser user = RoomsUser.signIn(app.port, "u" + i);
                RawWebSocket socket = RawWebSocket.connect(app.port, "/rooms",
                        Map.of("Cookie", user.cookie), "127.0.0.1");
                socket.sendFrame(1, join);
                return socket;
            }).toList();
            awaitPresence(stayer, "came", CROWD);

            crowd.forEach(RawWebSocket::reset);
            // Someone speaks at once, so the server sends to the crowd before it has read every
            // reset.
            stayer.say("hall", "still here?");
            awaitPresence(stayer, "left", CROWD);
            OpenSockets.await(app.port, "/rooms", 1, Duration.ofSeconds(60));

            Tab newcomer = RoomsUser.signIn(app.port, "Newcomer").open();
            newcomer.enter("hall");
            newcomer.say("hall", "who is left?");
            JsonNode heard = stayer.next();
            while (!heard.path("text").asText().equals("who is left?")) {
                assertTrue(!heard.path("event").asText().equals("left"), "told twice: " + heard);
                heard = stayer.next();
            }

            String output = app.output();
            for (String trace : List.of("WARN", "ERROR", "Exception", "StackOverflow")) {
                assertTrue(!output.contains(trace), "the log shows '" + trace + "':\n"
                        + output.substring(Math.max(0, output.length() - 4000)));
            }
        }
    }

    // Reads the stayer's messages until it has heard of this many arrivals or departures; each
    // read fails the test if nothing comes within TestSocket.WAIT.
    private static void awaitPresence(Tab stayer, String event, int count) {
        int heard = 0;
        while (heard < count) {
            JsonNode message = stayer.next();
            if (message.path("type").asText().equals("presence")
                    && message.path("event").asText().equals(event)) {
                heard++;
            }
        }
    }
}
