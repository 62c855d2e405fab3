package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades a teacher can trust, tried on a student who cheats: Ada solved 01, replaced 02's test
 * with one that passes, made 03 print "done" and 04 call System.exit(0). Her own progress
 * command, the autograding workflow's steps and grade-class all give her 01 and nothing else.
 */
class GradeClassTest {

    private static final String FAKE_DONE = "03-others-only: done, 2/2 tests pass.";

    @TempDir
    static Path folder;
    private static Path ada;

    @BeforeAll
    static void twoStudents() throws IOException {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS), "no solutions: this is a hand-out");
        ada = copyOfTheHandout(folder.resolve("class/ada"));
        copyOfTheHandout(folder.resolve("class/bob"));
        Exercise one = Exercise.numbered("01").orElseThrow();
        for (Path file : Exercise.javaFiles(one.solutionFolder())) {
            Files.copy(file, ada.resolve(one.folder()).resolve(file.getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path test = ada.resolve(Exercise.numbered("02").orElseThrow().folder())
                .resolve("CountingEchoTest.java");
        String pkg = Files.readString(test).lines().findFirst().orElseThrow();
        Files.writeString(test, pkg + "\n\nclass CountingEchoTest {\n\n"
                + "    @org.junit.jupiter.api.Test\n    void passes() {\n    }\n}\n");
        insertIntoStarter("03", "OthersChat.java",
                "static { System.out.println(\"" + FAKE_DONE + "\"); }");
        insertIntoStarter("04", "JoinNoticeChat.java", "static { System.exit(0); }");
    }

    @Test
    void her_own_progress_command_and_the_workflows_steps_give_her_01_only() throws Exception {
        Run progress = java(ada, Progress.class, "--exercise=01-04");
        assertEquals(1, progress.exitCode(), progress.printed());
        assertEquals(List.of(ProgressCsv.HEADER, "01-shout-echo,yes,3,3,0,done",
                        "02-message-counter,no,0,0,0,tests changed",
                        "03-others-only,no,0,2,0,failing",
                        "04-join-notice,no,0,0,0,stopped the tests"),
                Files.readAllLines(ada.resolve(ProgressCsv.FILE)), progress.printed());
        List<Integer> graders = new ArrayList<>();
        for (Exercise exercise : Exercise.all().subList(0, 4)) {
            Process grader = new ProcessBuilder("bash", "-c", ClassroomWorkflow.command(exercise))
                    .directory(ada.toFile()).start();
            assertTrue(grader.waitFor(30, TimeUnit.SECONDS));
            graders.add(grader.exitValue());
        }
        assertEquals(List.of(0, 1, 1, 1), graders, "the exit codes of the workflow's graders");
    }

    @Test
    void grade_class_rolls_the_class_up_and_gives_her_01_only() throws Exception {
        Run table = java(Path.of(""), ClassGrades.class,
                "--students=" + folder.resolve("class"), "--exercise=01-04");
        assertEquals(0, table.exitCode(), table.printed());
        assertEquals(List.of(ClassGrades.LEGEND, "",
                        "student 01   02   03   04   done",
                        "ada     Y    T    .    X    1/4",
                        "bob     .    .    .    .    0/4"),
                table.printed().lines().toList(), table.printed());
        assertTrue(!table.printed().contains(FAKE_DONE), "what the code prints is no grade");
    }

    // A student's clone of the hand-out: the exercises as shipped, and the kit's test helpers.
    private static Path copyOfTheHandout(Path student) throws IOException {
        try (Stream<Path> files = Files.walk(Exercise.ROOT)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(Exercise.SOLUTIONS)).toList()) {
                Files.createDirectories(student.resolve(file).getParent());
                Files.write(student.resolve(file), ShippedKit.committedOr(file));
            }
        }
        for (Path helper : ShippedTests.HELPERS) {
            Files.createDirectories(student.resolve(helper).getParent());
            Files.copy(helper, student.resolve(helper));
        }
        return student;
    }

    private static void insertIntoStarter(String id, String file, String line) throws IOException {
        Path starter = ada.resolve(Exercise.numbered(id).orElseThrow().folder()).resolve(file);
        String code = Files.readString(starter, StandardCharsets.UTF_8);
        int body = code.indexOf("implements ChapterStep {") + "implements ChapterStep {".length();
        Files.writeString(starter, code.substring(0, body) + "\n\n    " + line
                + code.substring(body), StandardCharsets.UTF_8);
    }

    private record Run(int exitCode, String printed) {
    }

    private static Run java(Path directory, Class<?> main, String... options)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-classpath",
                GradingRun.classPath(), main.getName()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .directory(directory.toAbsolutePath().toFile()).redirectErrorStream(true).start();
        byte[] printed = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the JVM did not exit");
        return new Run(process.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }
}
