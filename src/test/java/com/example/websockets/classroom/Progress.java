package com.example.websockets.classroom;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.app.ChapterStep;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The classroom kit's one command, after rustlings: it runs every exercise's tests and prints
 * which are done, then explains the first failure of the first one that isn't. It also runs one
 * exercise alone, shows its hints, or starts its server to try by hand.
 *
 * <pre>
 * ./mvnw -q -Pprogress                    every exercise, and what to do next
 * ./mvnw -q -Pprogress -Dexercise=03      exercise 03 alone: "03-...: done" once it passes
 * ./mvnw -q -Pprogress -Dhint=03          the hints for exercise 03
 * ./mvnw -q -Pprogress -Dtry=03           exercise 03's server on port 8000, to try by hand
 * </pre>
 */
public final class Progress {

    static final String COMMAND = "./mvnw -q -Pprogress";

    private Progress() {
    }

    public static void main(String[] args) {
        Map<String, String> options = List.of(args).stream().filter(arg -> arg.startsWith("--") && arg.contains("="))
                .collect(Collectors.toMap(arg -> arg.substring(2, arg.indexOf('=')), arg -> arg.substring(arg.indexOf('=') + 1)));
        String hint = options.getOrDefault("hint", "");
        String tryIt = options.getOrDefault("try", "");
        String one = options.getOrDefault("exercise", "");
        if (tryIt.isBlank()) {
            // The exercise servers start and stop many times: their log lines would bury the table.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (!hint.isBlank()) {
            System.out.println(find(hint).hints());
        } else if (!tryIt.isBlank()) {
            start(find(tryIt));
        } else if (!one.isBlank()) {
            checkOne(find(one));
        } else {
            checkAll();
        }
    }

    private static void checkAll() {
        List<Exercise> exercises = Exercise.all();
        // Most of a failing test's time is spent waiting for a message, so run several at once.
        ExecutorService workers = Executors.newFixedThreadPool(5);
        Map<Exercise, Future<Outcome>> running = new LinkedHashMap<>();
        exercises.forEach(exercise -> running.put(exercise, workers.submit(exercise::check)));
        Map<Exercise, Outcome> outcomes = new LinkedHashMap<>();
        running.forEach((exercise, outcome) -> outcomes.put(exercise, result(outcome)));
        workers.shutdown();
        System.out.println("Chapter 14 exercises");
        System.out.println();
        outcomes.forEach((exercise, outcome) -> System.out.printf("  %-4s %-34s %-18s %s%n",
                outcome.done() ? "done" : "todo", exercise.name(), outcome.summary(), exercise.title()));
        long done = outcomes.values().stream().filter(Outcome::done).count();
        System.out.println();
        System.out.println(done + " of " + exercises.size() + " done.");
        outcomes.entrySet().stream().filter(entry -> !entry.getValue().done()).findFirst()
                .ifPresentOrElse(next -> explain(next.getKey(), next.getValue()),
                        () -> System.out.println("Every exercise passes. Well done!"));
    }

    private static void checkOne(Exercise exercise) {
        Outcome outcome = exercise.check();
        if (outcome.done()) {
            System.out.println(exercise.name() + ": done, " + outcome.summary() + " pass.");
        } else {
            explain(exercise, outcome);
        }
    }

    private static void explain(Exercise exercise, Outcome outcome) {
        System.out.println();
        System.out.println("Next: " + exercise.name() + ", " + exercise.title()
                + " (task: " + Exercise.ROOT.resolve(exercise.name()).resolve("README.md") + ")");
        System.out.println("  " + outcome.summary() + " pass. The first that fails: " + outcome.firstFailedTest());
        outcome.firstFailure().lines().forEach(line -> System.out.println("    " + line));
        System.out.println();
        System.out.println("Run it alone:  " + COMMAND + " -Dexercise=" + exercise.id());
        System.out.println("Stuck?         " + COMMAND + " -Dhint=" + exercise.id());
    }

    // Starts the student's step as the real app would, so the examples/ clients can talk to it.
    private static void start(Exercise exercise) {
        ChapterStep step = exercise.step();
        Javalin app = WebSocketsApp.create(System.getenv(), List.of(step)).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        System.out.println(exercise.name() + " is running. " + step.howToTry("localhost:" + app.port()));
        System.out.println("Ctrl+C stops the server.");
    }

    private static Outcome result(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Exercise find(String number) {
        return Exercise.numbered(number).orElseThrow(() -> new IllegalArgumentException(
                "No exercise numbered '" + number + "': see the folders in " + Exercise.ROOT));
    }
}
