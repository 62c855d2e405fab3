package com.example.websockets.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The classroom kit's one command, after rustlings: it grades every exercise and prints which
 * are done, then explains the first failure of the first one that isn't. It exits with 0 only
 * when every exercise it graded is done, and writes the grade to {@link ProgressCsv#FILE}.
 *
 * <pre>
 * ./mvnw -q -Pprogress                  every exercise, and what to do next
 * ./mvnw -q -Pprogress -Dwatch          reruns the exercise you are on at each save
 * ./mvnw -q -Pprogress -Dexercise=03    exercise 03 alone (or 03,05 or 01-04)
 * ./mvnw -q -Pprogress -Dhint=03        the next hint for exercise 03
 * ./mvnw -q -Pprogress -Dtry=03         exercise 03's server on port 8000, to try by hand
 * </pre>
 */
public final class Progress {

    /** The options the command takes, each as {@code -Dname}: pom.xml passes each on. */
    static final List<String> OPTIONS = List.of("watch", "exercise", "hint", "try");

    /** The last line while something is left to do: Maven's error lines follow it. */
    static final String NOT_DONE = "Not done yet, so the exit code is 1: Maven reports it as an"
            + " error below.";

    private Progress() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = List.of(args).stream()
                .filter(arg -> arg.startsWith("--") && arg.contains("="))
                .collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')),
                        arg -> arg.substring(arg.indexOf('=') + 1)));
        String tryIt = options.getOrDefault("try", "");
        QuietLogs.apply(tryIt.isBlank());
        String hint = options.getOrDefault("hint", "");
        String watch = options.getOrDefault("watch", "");
        if (!hint.isBlank()) {
            Hints.next(one(hint), Bookmark.read(Bookmark.FILE)).forEach(System.out::println);
        } else if (!tryIt.isBlank()) {
            TryServer.start(one(tryIt));
        } else if (!watch.isBlank() && !watch.equals("false")) {
            watch();
            exit(0);
        } else {
            Optional<List<Exercise>> chosen = choose(options.getOrDefault("exercise", ""));
            exit(chosen.map(exercises -> grade(exercises) ? 0 : 1).orElse(2));
        }
    }

    // Ctrl+C ends the JVM: the hook says so, and where the student's place is kept.
    private static void watch() throws InterruptedException {
        Thread stopped = new Thread(() -> System.out.println(Watch.STOPPED), "stopped");
        Runtime.getRuntime().addShutdownHook(stopped);
        new Watch(Exercise.all(), Bookmark.read(Bookmark.FILE), System.out).run(System.in);
        Runtime.getRuntime().removeShutdownHook(stopped);
    }

    /** Grades the exercises as a teacher can trust, prints the outcome, writes the CSV. */
    static boolean grade(List<Exercise> exercises) {
        Map<Exercise, Outcome> outcomes = new GradingRun(ShippedTests.here()).grade(exercises);
        ProgressCsv.write(ProgressCsv.FILE, outcomes);
        if (exercises.size() == 1) {
            Exercise exercise = exercises.get(0);
            Outcome outcome = outcomes.get(exercise);
            if (outcome.done()) {
                System.out.println(ProgressReport.done(exercise, outcome));
            } else {
                ProgressReport.next(exercise, outcome).forEach(System.out::println);
            }
        } else {
            ProgressReport.of(outcomes).forEach(System.out::println);
        }
        boolean done = outcomes.values().stream().allMatch(Outcome::done);
        if (!done) {
            System.out.println();
            System.out.println(NOT_DONE);
        }
        return done;
    }

    /**
     * The exercises {@code -Dexercise} names ("03", "03,05", "01-04"; blank for all), or empty
     * once it has said in one line that one of them doesn't exist.
     */
    static Optional<List<Exercise>> choose(String selection) {
        if (selection.isBlank()) {
            return Optional.of(Exercise.all());
        }
        List<Exercise> chosen = new ArrayList<>();
        for (String part : selection.split(",")) {
            String[] range = part.strip().split("-", 2);
            if (range.length == 2 && range[0].matches("\\d+") && range[1].matches("\\d+")) {
                for (int n = Integer.parseInt(range[0]); n <= Integer.parseInt(range[1]); n++) {
                    String id = String.format("%02d", n);
                    Optional<Exercise> exercise = Exercise.numbered(id);
                    if (exercise.isEmpty()) {
                        return unknown(id);
                    }
                    chosen.add(exercise.get());
                }
            } else {
                Optional<Exercise> exercise = Exercise.numbered(part);
                if (exercise.isEmpty()) {
                    return unknown(part);
                }
                chosen.add(exercise.get());
            }
        }
        return Optional.of(chosen.stream().distinct().toList());
    }

    private static Optional<List<Exercise>> unknown(String number) {
        System.out.println(unknownExercise(number));
        return Optional.empty();
    }

    /** The one line for a number that names no exercise. */
    static String unknownExercise(String number) {
        List<Exercise> all = Exercise.all();
        String range = all.isEmpty() ? "none"
                : all.get(0).id() + " to " + all.get(all.size() - 1).id();
        return "There is no exercise '" + number.strip() + "': they are numbered " + range
                + " (see " + Exercise.ROOT.resolve("README.md").toString().replace('\\', '/')
                + ").";
    }

    private static Exercise one(String number) {
        Optional<Exercise> exercise = Exercise.numbered(number);
        if (exercise.isEmpty()) {
            System.out.println(unknownExercise(number));
            exit(2);
        }
        return exercise.get();
    }

    private static void exit(int code) {
        System.out.flush();
        System.exit(code);
    }

    /** Every exercise's outcome, in order, in this JVM; several run at once. */
    static Map<Exercise, Outcome> checkAll(List<Exercise> exercises) {
        return runAll(exercises, Exercise::check);
    }

    /** What {@code run} gives for each exercise, in order; several run at once. */
    static Map<Exercise, Outcome> runAll(List<Exercise> exercises,
            Function<Exercise, Outcome> run) {
        // Most of a failing test's time is spent waiting for a message, so run several at once.
        ExecutorService workers = Executors.newFixedThreadPool(5);
        Map<Exercise, Future<Outcome>> running = new LinkedHashMap<>();
        exercises.forEach(exercise ->
                running.put(exercise, workers.submit(() -> run.apply(exercise))));
        Map<Exercise, Outcome> outcomes = new LinkedHashMap<>();
        try {
            for (Map.Entry<Exercise, Future<Outcome>> result : running.entrySet()) {
                outcomes.put(result.getKey(), result.getValue().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
        return outcomes;
    }
}
