package com.example.websockets.classroom;

import com.example.websockets.app.ChapterStep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * One folder under {@code exercises/}: its task ({@code README.md}), hints ({@code HINTS.md}), the
 * code a student edits and its tests. It compiles the folder's Java files as they are on disk, or
 * with the reference solution's files in place of the starter's, and runs the tests.
 */
public record Exercise(Path folder) {

    public static final Path ROOT = Path.of("exercises");
    public static final Path SOLUTIONS = ROOT.resolve("solutions");

    private static final Pattern NUMBERED = Pattern.compile("(\\d\\d)-[a-z0-9-]+");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    /** Every exercise, in order. */
    public static List<Exercise> all() {
        try (Stream<Path> folders = Files.list(ROOT)) {
            return folders.filter(Files::isDirectory)
                    .filter(folder -> NUMBERED.matcher(folder.getFileName().toString()).matches())
                    .sorted().map(Exercise::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exercise whose number is {@code number} ("3" or "03"). */
    public static Optional<Exercise> numbered(String number) {
        String id = number.length() == 1 ? "0" + number : number;
        return all().stream().filter(exercise -> exercise.id().equals(id)).findFirst();
    }

    public String id() {
        return name().substring(0, 2);
    }

    public String name() {
        return folder.getFileName().toString();
    }

    /** The first heading of the task text, e.g. "Shout back". */
    public String title() {
        return read(folder.resolve("README.md")).lines().filter(line -> line.startsWith("# "))
                .findFirst().map(line -> line.substring(2).replaceFirst("^\\d+\\.\\s*", "")).orElse(name());
    }

    public String hints() {
        return read(folder.resolve("HINTS.md"));
    }

    public Path solutionFolder() {
        return SOLUTIONS.resolve(name());
    }

    /** The student's code as it is now. */
    public Outcome check() {
        return run(sources(false));
    }

    /** The reference solution: the starter's files replaced by the solution's. */
    public Outcome checkSolution() {
        return run(sources(true));
    }

    /** The student's step, compiled and made with its no-argument constructor, to run by hand. */
    public ChapterStep step() {
        Map<String, Path> sources = sources(false);
        Compiled compiled = compileSources(sources);
        if (compiled.errors != null) {
            throw new IllegalStateException(name() + " does not compile yet:\n" + compiled.errors);
        }
        for (Path file : sources.values()) {
            try {
                Class<?> type = compiled.loader.loadClass(className(file));
                if (ChapterStep.class.isAssignableFrom(type)) {
                    return (ChapterStep) type.getConstructor().newInstance();
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot start " + file + ": " + e, e);
            }
        }
        throw new IllegalStateException(name() + " has no class that implements ChapterStep");
    }

    /** The Java files of the exercise, each under its file name. */
    private Map<String, Path> sources(boolean withSolution) {
        Map<String, Path> sources = new LinkedHashMap<>();
        javaFiles(folder).forEach(file -> sources.put(file.getFileName().toString(), file));
        if (withSolution) {
            javaFiles(solutionFolder()).forEach(file -> sources.put(file.getFileName().toString(), file));
        }
        return sources;
    }

    private Outcome run(Map<String, Path> sources) {
        Compiled compiled = compileSources(sources);
        if (compiled.errors != null) {
            return Outcome.notCompiling(compiled.errors);
        }
        List<String> tests = sources.entrySet().stream().filter(e -> e.getKey().endsWith("Test.java"))
                .map(e -> className(e.getValue())).toList();
        return TestRun.of(compiled.loader, tests);
    }

    private record Compiled(ClassLoader loader, String errors) {
    }

    private static Compiled compileSources(Map<String, Path> sources) {
        try {
            Path classes = Files.createTempDirectory("exercise-classes");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-encoding", "UTF-8",
                    "-cp", classPath()));
            sources.values().forEach(file -> args.add(file.toString()));
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
                return new Compiled(null, errors.toString(StandardCharsets.UTF_8).strip());
            }
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Exercise.class.getClassLoader());
            return new Compiled(loader, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Under Surefire the JVM's class path is a one-jar manifest; Surefire names the real one.
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String className(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        Matcher pkg = PACKAGE.matcher(read(file));
        return pkg.find() ? pkg.group(1) + "." + name : name;
    }

    private static List<Path> javaFiles(Path folder) {
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
