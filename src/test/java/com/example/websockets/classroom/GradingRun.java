package com.example.websockets.classroom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Grades exercises as a teacher can trust: tests changed since they were shipped are reported
 * as such and not run; the others run in one JVM of their own ({@link ExerciseWorker}), so a
 * student's code that prints "done" or calls System.exit gains nothing. An exercise whose code
 * ends that JVM is found (those that were running run again, alone) and marked so, and the
 * others go on in a new one.
 */
final class GradingRun {

    // A test can't stop code that spins in the test's own thread: past this, the JVM is ended.
    private static final long LIMIT_MINUTES = 10;

    private final ShippedTests shipped;

    GradingRun(ShippedTests shipped) {
        this.shipped = shipped;
    }

    /** Each exercise's outcome, in the order given. */
    Map<Exercise, Outcome> grade(List<Exercise> exercises) {
        Map<Exercise, Outcome> outcomes = new LinkedHashMap<>();
        List<Exercise> toRun = new ArrayList<>();
        for (Exercise exercise : exercises) {
            List<String> changed = shipped.changed(exercise);
            if (changed.isEmpty()) {
                toRun.add(exercise);
            } else {
                outcomes.put(exercise, Outcome.testsChanged(changed));
            }
        }
        while (!toRun.isEmpty()) {
            Run run = runInWorker(toRun);
            outcomes.putAll(run.finished());
            List<Exercise> unfinished = toRun.stream()
                    .filter(exercise -> !run.finished().containsKey(exercise)).toList();
            List<Exercise> running = unfinished.stream().filter(run.started()::contains)
                    .toList();
            if (toRun.size() == 1 || running.isEmpty()) {
                // Alone, it ended the JVM itself; or the JVM ended before any started.
                unfinished.forEach(exercise -> outcomes.put(exercise, Outcome.stoppedTheRun()));
                break;
            }
            // Several were running when the JVM ended: each runs again alone, to find which.
            for (Exercise exercise : running) {
                outcomes.put(exercise, runInWorker(List.of(exercise)).finished()
                        .getOrDefault(exercise, Outcome.stoppedTheRun()));
            }
            toRun = unfinished.stream().filter(exercise -> !running.contains(exercise)).toList();
        }
        Map<Exercise, Outcome> ordered = new LinkedHashMap<>();
        exercises.forEach(exercise -> ordered.put(exercise, outcomes.get(exercise)));
        return ordered;
    }

    /** What one worker JVM reported before it ended: the outcomes, and which it started. */
    private record Run(Map<Exercise, Outcome> finished, Set<Exercise> started) {
    }

    private static Run runInWorker(List<Exercise> exercises) {
        Map<String, Exercise> byFolder = new LinkedHashMap<>();
        exercises.forEach(exercise -> byFolder.put(exercise.folder().toString(), exercise));
        String word = UUID.randomUUID().toString();
        Map<Exercise, Outcome> outcomes = new LinkedHashMap<>();
        Set<Exercise> started = new LinkedHashSet<>();
        Process worker = start(byFolder.keySet());
        Thread watchdog = new Thread(() -> endAfterLimit(worker), "grading-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        tell(worker, word);
        try (BufferedReader reports = new BufferedReader(
                new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reports.readLine(); line != null; line = reports.readLine()) {
                ExerciseWorker.Report report = ExerciseWorker.read(line, word);
                Exercise exercise = report == null ? null : byFolder.get(report.folder());
                if (exercise != null && report.outcome() == null) {
                    started.add(exercise);
                } else if (exercise != null) {
                    outcomes.put(exercise, report.outcome());
                }
            }
            worker.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            worker.destroyForcibly();
        }
        return new Run(outcomes, started);
    }

    // The word goes first, then nothing more. A JVM that ended at once can't be told: it
    // reports nothing, and that says enough.
    private static void tell(Process worker, String word) {
        try (Writer stdin = worker.outputWriter(StandardCharsets.UTF_8)) {
            stdin.write(word + "\n");
        } catch (IOException ended) {
            // nothing started
        }
    }

    private static void endAfterLimit(Process worker) {
        try {
            if (!worker.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                worker.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process start(Set<String> folders) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-classpath", classPath(), ExerciseWorker.class.getName()));
        command.addAll(folders);
        try {
            // The exercises' own output is not part of the grade: it goes nowhere.
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Under Surefire the JVM's class path is a one-jar manifest; Surefire names the real one.
    static String classPath() {
        return System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
    }
}
