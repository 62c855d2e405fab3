package com.example.websockets.classroom;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code -Dwatch}, after rustlings' watch: prints the table once, then reruns the exercise you
 * are on each time one of its files is saved, and moves on to the next once it passes.
 */
final class Watch {

    // Files are compared by content, so an editor that saves without a change reruns nothing.
    private static final Duration POLL = Duration.ofMillis(250);

    private final List<Exercise> exercises;
    private final PrintStream out;

    Watch(List<Exercise> exercises, PrintStream out) {
        this.exercises = exercises;
        this.out = out;
    }

    /** Returns once every exercise passes; Ctrl+C stops it before. */
    void run() throws InterruptedException {
        Map<Exercise, Outcome> outcomes = Progress.checkAll(exercises);
        ProgressReport.of(outcomes).forEach(out::println); // what to do next, or "well done"
        int current = 0;
        while (current < exercises.size() && outcomes.get(exercises.get(current)).done()) {
            current++;
        }
        if (current == exercises.size()) {
            return;
        }
        while (current < exercises.size()) {
            Exercise exercise = exercises.get(current);
            Map<String, Integer> saved = contents(exercise.folder());
            out.println();
            out.println("Watching " + exercise.folder().toString().replace('\\', '/')
                    + ": save a file there to run its tests again (Ctrl+C stops).");
            waitForSave(exercise.folder(), saved);
            Outcome outcome = exercise.check();
            if (outcome.done()) {
                out.println(ProgressReport.done(exercise, outcome));
                current = nextTodo(current + 1);
            } else {
                ProgressReport.next(exercise, outcome).forEach(out::println);
            }
        }
        out.println(ProgressReport.ALL_DONE);
    }

    // The first exercise from index on that isn't done yet, explained; or the end of the list.
    private int nextTodo(int index) {
        for (int i = index; i < exercises.size(); i++) {
            Outcome outcome = exercises.get(i).check();
            if (!outcome.done()) {
                ProgressReport.next(exercises.get(i), outcome).forEach(out::println);
                return i;
            }
            out.println(ProgressReport.done(exercises.get(i), outcome));
        }
        return exercises.size();
    }

    // Returns once the folder's files differ from before, and then stay the same for one poll.
    private static void waitForSave(Path folder, Map<String, Integer> before)
            throws InterruptedException {
        Map<String, Integer> now = before;
        while (now.equals(before)) {
            Thread.sleep(POLL.toMillis());
            now = contents(folder);
        }
        Map<String, Integer> settled;
        do {
            settled = now;
            Thread.sleep(POLL.toMillis());
            now = contents(folder);
        } while (!now.equals(settled));
    }

    private static Map<String, Integer> contents(Path folder) {
        Map<String, Integer> contents = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(file.getFileName().toString(), Arrays.hashCode(read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return contents;
    }

    // A file an editor is replacing may be gone for a moment: read it as empty then.
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
