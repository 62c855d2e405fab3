package com.example.websockets.classroom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress command, run as pom.xml runs it, in a JVM of its own: its exit code is 0 only
 * once every exercise it graded is done, it writes the grade as CSV, and a mistake in what it
 * is asked, or in the code, gets one clear line.
 */
class ProgressTest {

    @TempDir
    Path project;

    @Test
    void it_exits_with_1_until_every_test_passes_and_then_with_0_and_writes_the_grade()
            throws Exception {
        Path exercises = project.resolve(Exercise.ROOT);
        TinyExercises.write(exercises, "01");
        TinyExercises.write(exercises, "02");
        TinyExercises.ship(project);
        Run todo = progress();
        assertEquals(1, todo.exitCode(), todo.printed());
        assertTrue(todo.printed().contains("0 of 2 done."), todo.printed());
        assertTrue(todo.printed().contains("Next: 01-greeting, Greet by name"), todo.printed());
        assertTrue(todo.printed().strip().endsWith(Progress.NOT_DONE), todo.printed());
        assertEquals(List.of(ProgressCsv.HEADER, "01-greeting,no,0,1,0,failing",
                "02-greeting,no,0,1,0,failing"), csv());

        TinyExercises.answer(exercises, "01", TinyExercises.SOLVED_ANSWER);
        Run one = progress("--exercise=01");
        assertEquals(0, one.exitCode(), one.printed());
        assertEquals("01-greeting: done, 1/1 tests pass.", one.printed().strip());
        assertEquals(1, progress().exitCode(), "02 is still to do");

        TinyExercises.answer(exercises, "02", TinyExercises.SOLVED_ANSWER);
        Run done = progress();
        assertEquals(0, done.exitCode(), done.printed());
        assertEquals(List.of(ProgressCsv.HEADER, "01-greeting,yes,1,1,0,done",
                "02-greeting,yes,1,1,0,done"), csv());
    }

    @Test
    void an_exercise_that_does_not_compile_gets_one_line_with_the_file_line_and_error()
            throws Exception {
        Path exercises = project.resolve(Exercise.ROOT);
        TinyExercises.write(exercises, "01");
        TinyExercises.ship(project);
        TinyExercises.answer(exercises, "01", "\"Hi\" +");
        Run run = progress("--exercise=01");
        assertEquals(1, run.exitCode(), run.printed());
        List<String> said = run.printed().lines().filter(line -> line.contains("compile"))
                .toList();
        assertEquals(1, said.size(), run.printed());
        assertTrue(said.get(0).matches("  It does not compile: Greeting\\.java line 10: .+"),
                said.get(0));
    }

    @Test
    void an_exercise_that_is_not_there_gets_one_line_and_exit_code_2() throws Exception {
        Path exercises = project.resolve(Exercise.ROOT);
        TinyExercises.write(exercises, "01");
        TinyExercises.ship(project);
        for (String option : List.of("--exercise=12", "--hint=12", "--try=ab",
                "--exercise=01-03")) {
            Run run = progress(option);
            assertEquals(2, run.exitCode(), option + ": " + run.printed());
            assertEquals(1, run.printed().strip().lines().count(), option + ": " + run.printed());
            assertTrue(run.printed().startsWith("There is no exercise '"), run.printed());
            assertTrue(run.printed().strip().endsWith(
                    "they are numbered 01 to 01 (see exercises/README.md)."), run.printed());
        }
    }

    @Test
    void each_hint_command_gives_the_next_hint_only() throws Exception {
        Path exercises = project.resolve(Exercise.ROOT);
        TinyExercises.write(exercises, "01");
        Run first = progress("--hint=01");
        assertTrue(first.printed().startsWith("Hint 1 of 2 for 01, Greet by name:\n  "
                + TinyExercises.FIRST_HINT), first.printed());
        assertTrue(!first.printed().contains(TinyExercises.SECOND_HINT), first.printed());
        Run second = progress("--hint=01");
        assertTrue(second.printed().startsWith("Hint 2 of 2 for 01, Greet by name:\n  "
                + TinyExercises.SECOND_HINT), second.printed());
        assertTrue(Files.isRegularFile(project.resolve(Bookmark.FILE)), "the hints seen are kept");
    }

    @Test
    void the_watch_stops_on_ctrl_c_and_says_where_the_place_is_kept() throws Exception {
        TinyExercises.write(project.resolve(Exercise.ROOT), "01");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process watch = new ProcessBuilder(java.toString(), "-classpath", GradingRun.classPath(),
                Progress.class.getName(), "--watch=true").directory(project.toFile())
                .redirectErrorStream(true).start();
        StringBuffer printed = new StringBuffer();
        Thread reader = new Thread(() -> {
            try {
                watch.getInputStream().transferTo(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        printed.append((char) b);
                    }
                });
            } catch (IOException ended) {
                // the JVM is gone
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> printed.indexOf("Watching") >= 0);
            // What Ctrl+C does in a terminal: SIGINT to the program.
            new ProcessBuilder("kill", "-INT", String.valueOf(watch.pid())).start().waitFor();
            assertTrue(watch.waitFor(30, TimeUnit.SECONDS), "the watch did not stop:\n" + printed);
            reader.join(10_000);
            assertTrue(printed.toString().strip().endsWith(Watch.STOPPED), printed.toString());
            assertEquals(130, watch.exitValue(), "128 + SIGINT, which pom.xml takes as success");
        } finally {
            watch.destroyForcibly();
        }
    }

    private record Run(int exitCode, String printed) {
    }

    private List<String> csv() throws IOException {
        return Files.readAllLines(project.resolve(ProgressCsv.FILE), StandardCharsets.UTF_8);
    }

    // As pom.xml's progress execution runs it: java -classpath ... Progress --exercise=01
    private Run progress(String... options) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-classpath",
                GradingRun.classPath(), Progress.class.getName()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).start();
        byte[] printed = process.getInputStream().readAllBytes(); // until the JVM exits
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the progress JVM did not exit");
        return new Run(process.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }
}
