package exercises.notificationoptions;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.classroom.ExerciseServer;
import com.example.websockets.classroom.Peer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChosenNotificationsTest {

    // A slow server default: only a client's own interval_ms makes notifications come quickly.
    private static final Duration SLOW_DEFAULT = Duration.ofSeconds(10);

    @Test
    void the_client_chooses_how_many_and_how_often() {
        try (ExerciseServer server = ExerciseServer.start(new ChosenNotifications(SLOW_DEFAULT))) {
            Peer alice = Peer.connect("Alice", server, "/notifications?count=3&interval_ms=100");
            for (int n = 1; n <= 3; n++) {
                alice.expect("🔔 Notification " + n + ": Something happened!");
            }
            alice.expectClose(1000, "All notifications sent");
        }
    }

    @Test
    void without_a_count_there_are_the_chapters_five() {
        try (ExerciseServer server = ExerciseServer.start(new ChosenNotifications(SLOW_DEFAULT))) {
            Peer alice = Peer.connect("Alice", server, "/notifications?interval_ms=100");
            for (int n = 1; n <= 5; n++) {
                alice.expect("🔔 Notification " + n + ": Something happened!");
            }
            alice.expectClose(1000, "All notifications sent");
        }
    }

    @Test
    void without_interval_ms_the_servers_own_interval_is_used() {
        ChosenNotifications quick = new ChosenNotifications(Duration.ofMillis(100));
        try (ExerciseServer server = ExerciseServer.start(quick)) {
            long start = System.nanoTime();
            Peer alice = Peer.connect("Alice", server, "/notifications?count=5");
            for (int n = 1; n <= 5; n++) {
                alice.expect("🔔 Notification " + n + ": Something happened!");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // 0.5 s with the server's interval, 8 s or more with the chapter's 2 s: 5 s tells
            // them apart.
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "Five notifications from a"
                    + " server built with an interval of 100 ms took " + took.toMillis()
                    + " ms: without interval_ms, use the server's own interval");
            alice.expectClose(1000, "All notifications sent");
        }
    }

    @Test
    void the_largest_count_and_the_longest_interval_are_allowed() {
        try (ExerciseServer server = ExerciseServer.start(new ChosenNotifications(SLOW_DEFAULT))) {
            String largest = "/notifications?count=20&interval_ms=60000";
            Peer alice = Peer.connect("Alice", server, largest);
            // A refused client would be closed with 1008 already: this one stops its stream.
            alice.send("stop");
            alice.expectCloseSoon(1000, "Stopped");
        }
    }

    @Test
    void bad_values_are_refused_with_1008_and_a_reason_before_any_notification() {
        String badCount = "count must be a whole number from 1 to 20";
        String badInterval = "interval_ms must be a whole number from 100 to 60000";
        Map<String, String> refusals = Map.of(
                "count=0", badCount,
                "count=21", badCount,
                "count=lots", badCount,
                "count=0&interval_ms=5", badCount,
                "interval_ms=5", badInterval,
                "interval_ms=", badInterval);
        ChosenNotifications quick = new ChosenNotifications(Duration.ofMillis(100));
        try (ExerciseServer server = ExerciseServer.start(quick)) {
            refusals.forEach((query, reason) ->
                    Peer.connect("A client asking for " + query, server, "/notifications?" + query)
                            .expectClose(1008, reason));
        }
    }

    @Test
    void stop_ends_a_long_stream_early() {
        try (ExerciseServer server = ExerciseServer.start(new ChosenNotifications(SLOW_DEFAULT))) {
            Peer alice = Peer.connect("Alice", server, "/notifications?count=20&interval_ms=100");
            alice.expect("🔔 Notification 1: Something happened!");
            alice.send("stop");
            alice.expectCloseSoon(1000, "Stopped");
        }
    }
}
