package com.example.websockets.classroom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code -Dwatch}, after rustlings' watch: reruns the exercise you are on each time one of its
 * files is saved, shows its next failure, gives one hint when asked ({@code h}), and moves on to
 * the next once it passes. The {@link Bookmark} remembers where you are between runs.
 */
final class Watch {

    static final String KEYS = "Save to run it again; h and Enter for a hint, q to stop.";
    static final String STOPPED =
            "Stopped. " + Bookmark.FILE + " keeps your place: delete it to start over.";
    // Files are compared by content, so an editor that saves without a change reruns nothing.
    private static final Duration POLL = Duration.ofMillis(250);

    private final List<Exercise> exercises;
    private final Bookmark bookmark;
    private final PrintStream out;
    private final BlockingQueue<String> keys = new LinkedBlockingQueue<>();

    Watch(List<Exercise> exercises, Bookmark bookmark, PrintStream out) {
        this.exercises = exercises;
        this.bookmark = bookmark;
        this.out = out;
    }

    /** Returns once every exercise passes, or on {@code q}; Ctrl+C stops it before. */
    void run(InputStream in) throws InterruptedException {
        readKeys(in);
        int current = start();
        while (current < exercises.size()) {
            Exercise exercise = exercises.get(current);
            bookmark.current(exercise.id());
            // Read before saying so: a save made right after "Watching" must count.
            Map<String, Integer> before = contents(exercise.folder());
            out.println();
            out.println("Watching " + exercise.folder().toString().replace('\\', '/') + ". "
                    + KEYS);
            if (!waitForSave(exercise, before)) {
                out.println(STOPPED);
                return;
            }
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

    // Where the bookmark says, or, the first time, the first exercise not done after the table.
    private int start() {
        int marked = bookmark.current().map(id -> indexOf(id)).orElse(-1);
        if (marked >= 0) {
            out.println("Back at " + exercises.get(marked).name() + " (delete " + Bookmark.FILE
                    + " to start over).");
            return nextTodo(marked);
        }
        Map<Exercise, Outcome> outcomes = Progress.checkAll(exercises);
        ProgressReport.of(outcomes).forEach(out::println);
        int first = 0;
        while (first < exercises.size() && outcomes.get(exercises.get(first)).done()) {
            first++;
        }
        return first;
    }

    private int indexOf(String id) {
        for (int i = 0; i < exercises.size(); i++) {
            if (exercises.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
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

    // True once the folder's files differ from before and then stay the same for one poll;
    // false on q. An h on the way shows the next hint.
    private boolean waitForSave(Exercise exercise, Map<String, Integer> before)
            throws InterruptedException {
        Map<String, Integer> now = contents(exercise.folder());
        Map<String, Integer> settled = null;
        while (settled == null || !now.equals(settled)) {
            String key = keys.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            if ("q".equals(key)) {
                return false;
            }
            if ("h".equals(key)) {
                Hints.next(exercise, bookmark).forEach(out::println);
            }
            settled = now.equals(before) ? null : now;
            now = contents(exercise.folder());
        }
        return true;
    }

    private void readKeys(InputStream in) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    keys.add(line.strip().toLowerCase());
                }
            } catch (IOException closed) {
                // no keyboard: saves still rerun the exercise
            }
        }, "watch-keys");
        reader.setDaemon(true);
        reader.start();
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
