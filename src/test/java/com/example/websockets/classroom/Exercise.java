package com.example.websockets.classroom;

import com.example.websockets.app.ChapterStep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One folder under {@code exercises/}: its task ({@code README.md}), hints ({@code HINTS.md}), the
 * code a student edits and its tests. It runs the tests on the folder's code as it is on disk, or
 * with the reference solution's files in place of the starter's.
 */
public record Exercise(Path folder) {

    public static final Path ROOT = Path.of("exercises");
    public static final Path SOLUTIONS = ROOT.resolve("solutions");
    /** The blank app a teacher live-codes steps 1 to 3 into: not numbered, not graded. */
    public static final Path LIVE = ROOT.resolve("live-coding");

    private static final Pattern NUMBERED = Pattern.compile("(\\d\\d)-[a-z0-9-]+");

    /** Every exercise, in order. */
    public static List<Exercise> all() {
        return all(ROOT);
    }

    /** Every exercise under {@code root}, in order: the folders named like {@code 03-shout}. */
    static List<Exercise> all(Path root) {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory)
                    .filter(folder -> NUMBERED.matcher(folder.getFileName().toString()).matches())
                    .sorted().map(Exercise::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exercise numbered {@code number} ("3" or "03"), or "live" for the live coding. */
    public static Optional<Exercise> numbered(String number) {
        String id = number.strip();
        if (id.equals("live")) {
            return live();
        }
        String padded = id.length() == 1 ? "0" + id : id;
        return all().stream().filter(exercise -> exercise.id().equals(padded)).findFirst();
    }

    /** The live-coding starter, where the kit has one. */
    public static Optional<Exercise> live() {
        return Files.isDirectory(LIVE) ? Optional.of(new Exercise(LIVE)) : Optional.empty();
    }

    /** "03", or "live". */
    public String id() {
        return NUMBERED.matcher(name()).matches() ? name().substring(0, 2) : "live";
    }

    public String name() {
        return folder.getFileName().toString();
    }

    /** The first heading of the task text, e.g. "Shout back". */
    public String title() {
        return read(task()).lines().filter(line -> line.startsWith("# ")).findFirst()
                .map(line -> line.substring(2).replaceFirst("^\\d+\\.\\s*", "")).orElse(name());
    }

    /** The task, for a student to open. */
    public Path task() {
        return folder.resolve("README.md");
    }

    public String hints() {
        return read(folder.resolve("HINTS.md"));
    }

    public Path solutionFolder() {
        return folder.resolveSibling("solutions").resolve(name());
    }

    /** The student's code as it is now. */
    public Outcome check() {
        return run(sources(false));
    }

    /** The reference solution: the starter's files replaced by the solution's. */
    public Outcome checkSolution() {
        return run(sources(true));
    }

    /** The student's step class, compiled from the folder as it is now, to run by hand. */
    Class<? extends ChapterStep> stepClass() {
        Map<String, Path> sources = sources(false);
        ExerciseCompiler.Compiled compiled = ExerciseCompiler.compile(sources.values());
        if (compiled.errors() != null) {
            throw new IllegalStateException(
                    name() + " does not compile yet:\n" + compiled.errors());
        }
        for (Path file : sources.values()) {
            try {
                Class<?> type = compiled.loader().loadClass(ExerciseCompiler.className(file));
                if (ChapterStep.class.isAssignableFrom(type)) {
                    return type.asSubclass(ChapterStep.class);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("Cannot load " + file + ": " + e, e);
            }
        }
        throw new IllegalStateException(name() + " has no class that implements ChapterStep");
    }

    /** The Java files of the exercise, each under its file name. */
    private Map<String, Path> sources(boolean withSolution) {
        Map<String, Path> sources = new LinkedHashMap<>();
        javaFiles(folder).forEach(file -> sources.put(file.getFileName().toString(), file));
        if (withSolution) {
            javaFiles(solutionFolder())
                    .forEach(file -> sources.put(file.getFileName().toString(), file));
        }
        return sources;
    }

    private Outcome run(Map<String, Path> sources) {
        ExerciseCompiler.Compiled compiled = ExerciseCompiler.compile(sources.values());
        if (compiled.errors() != null) {
            return Outcome.notCompiling(compiled.errors());
        }
        List<String> tests = sources.entrySet().stream()
                .filter(source -> source.getKey().endsWith("Test.java"))
                .map(source -> ExerciseCompiler.className(source.getValue())).toList();
        return TestRun.of(compiled.loader(), tests);
    }

    static List<Path> javaFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
