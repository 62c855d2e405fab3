package com.example.websockets.classroom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles an exercise's Java files as they are on disk, against the project's classes, into a
 * class loader of their own: a half-written exercise never stops the others, nor the app.
 */
final class ExerciseCompiler {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

    private ExerciseCompiler() {
    }

    /** The compiled classes, or the compiler's errors (then {@code loader} is null). */
    record Compiled(ClassLoader loader, String errors) {
    }

    static Compiled compile(Collection<Path> sources) {
        try {
            Path classes = Files.createTempDirectory("exercise-classes");
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none",
                    "-encoding", "UTF-8", "-cp", classPath()));
            sources.forEach(file -> args.add(file.toString()));
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
                return new Compiled(null, errors.toString(StandardCharsets.UTF_8).strip());
            }
            URL[] urls = {classes.toUri().toURL()};
            return new Compiled(new URLClassLoader(urls, Exercise.class.getClassLoader()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class a source file declares: its package, then its file name. */
    static String className(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.java$", "");
        try {
            Matcher pkg = PACKAGE.matcher(Files.readString(file, StandardCharsets.UTF_8));
            return pkg.find() ? pkg.group(1) + "." + name : name;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Under Surefire the JVM's class path is a one-jar manifest; Surefire names the real one.
    private static String classPath() {
        return System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
    }
}
