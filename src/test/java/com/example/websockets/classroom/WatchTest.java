package com.example.websockets.classroom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dwatch} works as rustlings' watch does: it reruns the exercise you are on at each save,
 * explains what still fails, and moves on to the next once it passes.
 */
class WatchTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path root;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void each_save_reruns_the_current_exercise_until_it_passes_then_the_next() throws Exception {
        TinyExercises.write(root, "01");
        TinyExercises.write(root, "02");
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Thread watcher = new Thread(() -> watch(new Watch(Exercise.all(root), out)), "watch");
        watcher.start();
        try {
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
        } finally {
            watcher.interrupt();
        }
        assertTrue(printed().indexOf("01-greeting: done") < printed().indexOf("Next: 02-greeting"),
                "the watch moves on only once 01 passes:\n" + printed());
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

    private static void watch(Watch watch) {
        try {
            watch.run();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
