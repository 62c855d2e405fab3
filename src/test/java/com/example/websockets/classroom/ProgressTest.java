package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grade an autograder reads is the progress command's exit code: 1 while an exercise has a
 * failing test, 0 once every test passes. Run as the workflow runs it, in a JVM of its own.
 */
class ProgressTest {

    @TempDir
    Path project;

    @Test
    void grading_exits_with_1_until_every_test_passes_and_then_with_0() throws Exception {
        Path exercises = project.resolve(Exercise.ROOT);
        TinyExercises.write(exercises, "01");
        Graded todo = grade("01");
        assertEquals(1, todo.exitCode(), todo.printed());
        assertTrue(todo.printed().contains("Next: 01-greeting, Greet by name"), todo.printed());
        TinyExercises.answer(exercises, "01", TinyExercises.SOLVED_ANSWER);
        Graded done = grade("01");
        assertEquals(0, done.exitCode(), done.printed());
        assertEquals("01-greeting: done, 1/1 tests pass.", done.printed().strip());
    }

    private record Graded(int exitCode, String printed) {
    }

    // As pom.xml's progress execution runs it: java -classpath ... Progress --grade=01
    private Graded grade(String id) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-classpath", classPath,
                Progress.class.getName(), "--grade=" + id))
                .directory(project.toFile()).redirectErrorStream(true).start();
        byte[] printed = process.getInputStream().readAllBytes(); // until the JVM exits
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the grading JVM did not exit");
        return new Graded(process.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }
}
