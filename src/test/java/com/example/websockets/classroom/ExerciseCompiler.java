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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
            Set<String> packages = sources.stream()
                    .filter(file -> file.getFileName().toString().endsWith("Test.java"))
                    .map(ExerciseCompiler::className)
                    .map(ExerciseCompiler::packageOf).collect(Collectors.toSet());
            return new Compiled(new OwnFirst(urls, packages), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads the classes of the exercise's own packages (those of its tests) from what was just
     * compiled, even where an IDE has put an older copy on the class path; anything else, the
     * kit's helpers and JUnit included, from the class path, so no exercise can replace them.
     */
    private static final class OwnFirst extends URLClassLoader {

        private final Set<String> packages;

        OwnFirst(URL[] urls, Set<String> packages) {
            super(urls, Exercise.class.getClassLoader());
            this.packages = packages;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null && packages.contains(packageOf(name))
                        && findResource(name.replace('.', '/') + ".class") != null) {
                    type = findClass(name);
                }
                if (type == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
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

    private static String classPath() {
        return GradingRun.classPath();
    }
}
