package com.example.websockets.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the progress command prints: the table of every exercise, done or todo, then the first
 * failure of the next exercise to do, in plain words, with the commands that help with it.
 */
final class ProgressReport {

    static final String COMMAND = "./mvnw -q -Pprogress";
    static final String ALL_DONE = "Every exercise passes. Well done!";

    private ProgressReport() {
    }

    /** The table, the count of those done, and what to do next. */
    static List<String> of(Map<Exercise, Outcome> outcomes) {
        List<String> lines = new ArrayList<>(List.of("Chapter 14 exercises", ""));
        outcomes.forEach((exercise, outcome) -> lines.add(row(exercise, outcome)));
        long done = outcomes.values().stream().filter(Outcome::done).count();
        lines.add("");
        lines.add(done + " of " + outcomes.size() + " done.");
        outcomes.entrySet().stream().filter(entry -> !entry.getValue().done()).findFirst()
                .ifPresentOrElse(next -> lines.addAll(next(next.getKey(), next.getValue())),
                        () -> lines.add(ALL_DONE));
        return lines;
    }

    static String row(Exercise exercise, Outcome outcome) {
        return String.format("  %-4s %-34s %-18s %s", outcome.done() ? "done" : "todo",
                exercise.name(), outcome.summary(), exercise.title());
    }

    /** One exercise that passes, as {@code -Dexercise} and the watch say it. */
    static String done(Exercise exercise, Outcome outcome) {
        return exercise.name() + ": done, " + outcome.summary() + " pass.";
    }

    /** The exercise to do next: its first failure, and how to run it alone or get a hint. */
    static List<String> next(Exercise exercise, Outcome outcome) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Next: " + exercise.name() + ", " + exercise.title()
                + " (task: " + exercise.task().toString().replace('\\', '/') + ")");
        lines.add("  " + outcome.summary() + " pass. The first that fails: "
                + outcome.firstFailedTest());
        outcome.firstFailure().lines().forEach(line -> lines.add("    " + line));
        lines.add("");
        lines.add("Run it alone:  " + COMMAND + " -Dexercise=" + exercise.id());
        lines.add("Stuck?         " + COMMAND + " -Dhint=" + exercise.id());
        return lines;
    }
}
