package com.example.websockets.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code teaching/grade-class <folder>}: grades every student repository in a folder (GitHub
 * Classroom's download of an assignment, or any folder of clones) and rolls them up into one
 * table. It runs in the teacher's copy of the kit, with its tests as shipped: a student's copy
 * only gives its starters, and a test it changed counts as not done.
 */
public final class ClassGrades {

    static final Path CSV = Path.of("target", "class-grades.csv");
    static final String LEGEND = "Y done, . to do, C does not compile, T tests changed,"
            + " X stopped the tests";

    private ClassGrades() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                int equals = arg.indexOf('=');
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        QuietLogs.apply(true);
        Path folder = Path.of(options.getOrDefault("students", ""));
        if (options.getOrDefault("students", "").isBlank() || !Files.isDirectory(folder)) {
            System.out.println("Name a folder of student repositories: teaching/grade-class"
                    + " ../submissions");
            System.exit(2);
        }
        Optional<List<Exercise>> chosen = Progress.choose(options.getOrDefault("exercise", ""));
        if (chosen.isEmpty()) {
            System.exit(2);
        }
        Map<String, Map<Exercise, Outcome>> grades = new LinkedHashMap<>();
        for (Path repository : repositories(folder)) {
            grades.put(repository.getFileName().toString(), grade(repository, chosen.get()));
        }
        table(chosen.get(), grades).forEach(System.out::println);
        write(grades);
        System.exit(0);
    }

    /** One student's grades, keyed by the kit's exercises. */
    static Map<Exercise, Outcome> grade(Path repository, List<Exercise> exercises) {
        List<Exercise> theirs = exercises.stream()
                .map(exercise -> new Exercise(repository.resolve(exercise.folder()))).toList();
        Map<Exercise, Outcome> outcomes = new GradingRun(
                ShippedTests.read(ShippedTests.FILE, repository, false)).grade(theirs);
        Map<Exercise, Outcome> byKit = new LinkedHashMap<>();
        for (int i = 0; i < exercises.size(); i++) {
            byKit.put(exercises.get(i), outcomes.get(theirs.get(i)));
        }
        return byKit;
    }

    static List<String> table(List<Exercise> exercises,
            Map<String, Map<Exercise, Outcome>> grades) {
        int width = Math.max("student".length(),
                grades.keySet().stream().mapToInt(String::length).max().orElse(0));
        List<String> lines = new ArrayList<>(List.of(LEGEND, ""));
        StringBuilder header = new StringBuilder(pad("student", width));
        exercises.forEach(exercise -> header.append(' ').append(pad(exercise.id(), 4)));
        lines.add(header.append(" done").toString());
        grades.forEach((student, outcomes) -> {
            StringBuilder row = new StringBuilder(pad(student, width));
            outcomes.values().forEach(outcome -> row.append(' ').append(pad(mark(outcome), 4)));
            long done = outcomes.values().stream().filter(Outcome::done).count();
            lines.add(row.append(' ').append(done).append('/').append(outcomes.size()).toString());
        });
        return lines;
    }

    static String mark(Outcome outcome) {
        if (outcome.done()) {
            return "Y";
        }
        return switch (outcome.status()) {
            case TESTED -> ".";
            case NOT_COMPILING -> "C";
            case TESTS_CHANGED -> "T";
            case STOPPED_THE_RUN -> "X";
        };
    }

    private static void write(Map<String, Map<Exercise, Outcome>> grades) {
        List<String> rows = new ArrayList<>(List.of("student," + ProgressCsv.HEADER));
        grades.forEach((student, outcomes) -> ProgressCsv.rows(outcomes).stream().skip(1)
                .forEach(row -> rows.add(student + "," + row)));
        try {
            Files.createDirectories(CSV.toAbsolutePath().getParent());
            Files.write(CSV, rows, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Every folder in it that holds the exercises, by name.
    private static List<Path> repositories(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(child -> Files.isDirectory(child.resolve(Exercise.ROOT)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pad(String text, int width) {
        return String.format("%-" + width + "s", text);
    }
}
