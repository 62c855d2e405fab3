package com.example.websockets.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the progress command prints: the table of every exercise, done or todo, then the first
 * failure of the next exercise to do, in plain words, with the commands that help with it.
 */
final class ProgressReport {

    static final String COMMAND = "./mvnw -q -Pprogress";
    static final String ALL_DONE = "Every exercise passes. Well done!";

    // javac's first line for an error: "/path/to/OthersChat.java:21: error: ';' expected".
    private static final Pattern ERROR =
            Pattern.compile("(?m)^(?:.*[/\\\\])?([^/\\\\]+\\.java):(\\d+): error: (.*)$");

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
        lines.addAll(why(outcome));
        lines.add("");
        lines.add("Run it alone:  " + COMMAND + " -Dexercise=" + exercise.id());
        lines.add("Stuck?         " + COMMAND + " -Dhint=" + exercise.id());
        return lines;
    }

    /** Why the exercise isn't done yet, each line indented. */
    static List<String> why(Outcome outcome) {
        return switch (outcome.status()) {
            case NOT_COMPILING ->
                    List.of("  It does not compile: " + firstError(outcome.firstFailure()));
            case TESTS_CHANGED -> List.of("  Its tests are not those shipped, so it can't count as"
                    + " done. Put back: " + outcome.firstFailure());
            case STOPPED_THE_RUN -> List.of("  " + outcome.firstFailure());
            case TESTED -> {
                if (outcome.firstFailure() == null) {
                    yield List.of("  " + outcome.summary() + " pass: no test ran here.");
                }
                List<String> lines = new ArrayList<>(List.of("  " + outcome.summary()
                        + " pass. The first that fails: " + outcome.firstFailedTest()));
                outcome.firstFailure().lines().forEach(line -> lines.add("    " + line));
                yield lines;
            }
        };
    }

    /** "OthersChat.java line 21: ';' expected (and 1 more error)", from javac's output. */
    static String firstError(String errors) {
        Matcher first = ERROR.matcher(errors);
        if (!first.find()) {
            return errors.lines().findFirst().orElse("(no message from the compiler)");
        }
        int more = -1;
        for (Matcher all = ERROR.matcher(errors); all.find(); ) {
            more++;
        }
        return first.group(1) + " line " + first.group(2) + ": " + first.group(3)
                + (more == 0 ? "" : " (and " + more + " more error" + (more == 1 ? ")" : "s)"));
    }
}
