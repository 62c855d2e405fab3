package exercises.timeticker;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeTickerTest {

    private static final String TIME = "Time: \\d\\d:\\d\\d:\\d\\d";
    private static final Duration TICK = Duration.ofMillis(100);

    @Test
    void the_time_arrives_again_and_again() {
        try (ExerciseServer server = ExerciseServer.start(new TimeTicker(TICK))) {
            Peer alice = Peer.connect("Alice", server, "/time");
            for (int tick = 1; tick <= 4; tick++) {
                alice.expectMatching(TIME, "Time: 14:03:07");
            }
        }
    }

    @Test
    void stop_closes_the_connection_with_1000() {
        try (ExerciseServer server = ExerciseServer.start(new TimeTicker(TICK))) {
            Peer alice = Peer.connect("Alice", server, "/time");
            alice.expectMatching(TIME, "Time: 14:03:07");
            alice.send("stop");
            alice.expectCloseSoon(1000, "Stopped");
        }
    }

    @Test
    void one_clients_stop_leaves_the_others_clock_running() {
        try (ExerciseServer server = ExerciseServer.start(new TimeTicker(TICK))) {
            Peer alice = Peer.connect("Alice", server, "/time");
            Peer bob = Peer.connect("Bob", server, "/time");
            alice.send("stop");
            alice.expectCloseSoon(1000, "Stopped");
            bob.expectMatching(TIME, "Time: 14:03:07");
            bob.expectMatching(TIME, "Time: 14:03:07");
            bob.expectMatching(TIME, "Time: 14:03:07");
        }
    }
}
