package com.example.websockets.classroom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dwatch} works as rustlings' watch does: it reruns the exercise you are on at each save,
 * explains what still fails, gives one hint when asked, moves on to the next once it passes, and
 * starts again where you were.
 */
class WatchTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PipedOutputStream keyboard;
    private Thread watcher;

    @AfterEach
    void stopWatching() {
        if (watcher != null) {
            watcher.interrupt();
        }
    }

    @Test
    void each_save_reruns_the_current_exercise_until_it_passes_then_the_next() throws Exception {
        TinyExercises.write(root, "01");
        TinyExercises.write(root, "02");
        watch();
        awaitPrinted("0 of 2 done.", 1);
        awaitPrinted(watching("01-greeting"), 1);
        TinyExercises.answer(root, "01", "\"Hey\"");
        awaitPrinted("Alice expected \"Hello, Alice\" but got \"Hey\"", 1);
        awaitPrinted(watching("01-greeting"), 2);
        TinyExercises.answer(root, "01", TinyExercises.SOLVED_ANSWER);
        awaitPrinted("01-greeting: done, 1/1 tests pass.", 1);
        awaitPrinted(watching("02-greeting"), 1);
        TinyExercises.answer(root, "02", TinyExercises.SOLVED_ANSWER);
        awaitPrinted(ProgressReport.ALL_DONE, 1);
        await().atMost(DEADLINE).until(() -> !watcher.isAlive());
        assertTrue(printed().indexOf("01-greeting: done") < printed().indexOf("Next: 02-greeting"),
                "the watch moves on only once 01 passes:\n" + printed());
    }

    @Test
    void h_shows_one_hint_at_a_time_and_q_stops_with_the_place_kept() throws Exception {
        TinyExercises.write(root, "01");
        watch();
        awaitPrinted(watching("01-greeting"), 1);
        press("h");
        awaitPrinted("Hint 1 of 2 for 01, Greet by name:", 1);
        assertFalse(printed().contains(TinyExercises.SECOND_HINT), "one hint at a time:\n"
                + printed());
        press("h");
        awaitPrinted("  " + TinyExercises.SECOND_HINT + "\n  on two lines.", 1);
        press("q");
        awaitPrinted(Watch.STOPPED, 1);
        await().atMost(DEADLINE).until(() -> !watcher.isAlive());
        Bookmark kept = Bookmark.read(root.resolve(".progress"));
        assertEquals("01", kept.current().orElse(null), "the exercise the watch was on");
        assertEquals(2, kept.hintsSeen("01"), "the hints seen");
    }

    @Test
    void it_starts_again_at_the_exercise_it_was_on_until_the_bookmark_is_deleted()
            throws Exception {
        TinyExercises.write(root, "01");
        TinyExercises.write(root, "02");
        Bookmark.read(root.resolve(".progress")).current("02");
        watch();
        awaitPrinted("Back at 02-greeting (delete .progress to start over).", 1);
        awaitPrinted(watching("02-greeting"), 1);
        assertFalse(printed().contains("0 of 2 done."), "no table when the place is known:\n"
                + printed());
        press("q");
        await().atMost(DEADLINE).until(() -> !watcher.isAlive());
        Files.delete(root.resolve(".progress"));
        printed.reset();
        watch();
        awaitPrinted("0 of 2 done.", 1);
        awaitPrinted(watching("01-greeting"), 1);
    }

    private void watch() throws IOException {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        keyboard = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(keyboard);
        Watch watch = new Watch(Exercise.all(root), Bookmark.read(root.resolve(".progress")),
                out);
        watcher = new Thread(() -> {
            try {
                watch.run(keys);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "watch");
        watcher.start();
    }

    private void press(String key) throws IOException {
        keyboard.write((key + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    // Waits until the watch has printed text so many times: a save before it looks again
    // would go unseen.
    private void awaitPrinted(String text, int times) {
        try {
            await().atMost(DEADLINE).until(() -> printed().split(Pattern.quote(text), -1).length
                    > times);
        } catch (ConditionTimeoutException e) {
            fail("The watch never printed \"" + text + "\" " + times + " times. It printed:\n"
                    + printed());
        }
    }

    private String watching(String folder) {
        return "Watching " + root.resolve(folder).toString().replace('\\', '/');
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
