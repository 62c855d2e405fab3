package com.example.websockets.classroom;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The classroom kit's one command, after rustlings: it runs every exercise's tests and prints
 * which are done, then explains the first failure of the first one that isn't.
 *
 * <pre>
 * ./mvnw -q -Pprogress                  every exercise, and what to do next
 * ./mvnw -q -Pprogress -Dwatch          the same, then reruns the exercise you are on at each save
 * ./mvnw -q -Pprogress -Dexercise=03    exercise 03 alone: "03-...: done" once it passes
 * ./mvnw -q -Pprogress -Dhint=03        the hints for exercise 03
 * ./mvnw -q -Pprogress -Dtry=03         exercise 03's server on port 8000, to try by hand
 * ./mvnw -q -Pprogress -Dgrade=03       for autograders: exercise 03 alone, exit code 0 once done
 * </pre>
 */
public final class Progress {

    /** The options the command takes, each as {@code -Dname}: pom.xml passes each on. */
    static final List<String> OPTIONS = List.of("watch", "exercise", "hint", "try", "grade");

    private Progress() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = List.of(args).stream()
                .filter(arg -> arg.startsWith("--") && arg.contains("="))
                .collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')),
                        arg -> arg.substring(arg.indexOf('=') + 1)));
        String tryIt = options.getOrDefault("try", "");
        if (tryIt.isBlank()) {
            // The exercise servers start and stop many times: their logs would bury the table.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        String hint = options.getOrDefault("hint", "");
        String one = options.getOrDefault("exercise", "");
        String grade = options.getOrDefault("grade", "");
        String watch = options.getOrDefault("watch", "");
        if (!hint.isBlank()) {
            System.out.println(find(hint).hints());
        } else if (!tryIt.isBlank()) {
            TryServer.start(find(tryIt));
        } else if (!grade.isBlank()) {
            System.exit(checkOne(find(grade)) ? 0 : 1);
        } else if (!one.isBlank()) {
            checkOne(find(one));
        } else if (!watch.isBlank() && !watch.equals("false")) {
            new Watch(Exercise.all(), System.out).run();
        } else {
            ProgressReport.of(checkAll(Exercise.all())).forEach(System.out::println);
        }
    }

    /** Prints whether the exercise is done, or its first failure; answers whether it is done. */
    static boolean checkOne(Exercise exercise) {
        Outcome outcome = exercise.check();
        if (outcome.done()) {
            System.out.println(ProgressReport.done(exercise, outcome));
        } else {
            ProgressReport.next(exercise, outcome).forEach(System.out::println);
        }
        return outcome.done();
    }

    /** Every exercise's outcome, in order; several run at once. */
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

    private static Exercise find(String number) {
        return Exercise.numbered(number).orElseThrow(() -> new IllegalArgumentException(
                "No exercise numbered '" + number + "': see the folders in " + Exercise.ROOT));
    }
}
