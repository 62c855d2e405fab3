package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The classroom kit keeps its promises. Always: every exercise has its task, hints, starter,
 * tests and solution. In CI, on the starters as shipped: each fails, each solution passes.
 */
class ExerciseKitTest {

    /** Where exercises/README.md shows what the progress command prints for the starters. */
    static final String PROGRESS_SAMPLE = "<!-- progress: the starters -->";

    // The checks below run the starters on disk: in a student's copy, some are solved there, and
    // that must not turn ./mvnw test red. So they run where the starters are as shipped: in CI.
    private static final String IN_CI_ONLY = "The kit's own check runs with CI=true, on the"
            + " starters as shipped; here some may be solved in place, which is fine.";

    private static final Path KIT_CODE = Path.of("src/test/java/com/example/websockets/classroom");

    private static Map<Exercise, Outcome> starters;
    private static Map<Exercise, Outcome> solutions;

    @Test
    void the_exercises_are_numbered_from_01_without_a_gap_each_with_a_task_hints_and_tests()
            throws IOException {
        List<Exercise> exercises = Exercise.all();
        assertEquals(IntStream.rangeClosed(1, exercises.size())
                        .mapToObj(n -> String.format("%02d", n)).toList(),
                exercises.stream().map(Exercise::id).toList(), "the exercises' numbers");
        for (Exercise exercise : exercises) {
            assertTrue(Files.readString(exercise.task()).startsWith("# " + exercise.id() + ". "),
                    exercise.task() + " must open with \"# " + exercise.id() + ". <title>\"");
            String hintsTitle = "Hints for " + exercise.id() + ", " + exercise.title();
            assertEquals(hintsTitle, exercise.hints().lines().findFirst().orElse(""),
                    exercise.name() + "'s HINTS.md must open with its number and title");
            List<Path> code = Exercise.javaFiles(exercise.folder());
            assertTrue(code.stream().anyMatch(ExerciseKitTest::isTest), exercise.name()
                    + " has no tests (a file ending in Test.java)");
            assertTrue(code.stream().anyMatch(file -> !isTest(file)), exercise.name()
                    + " has no starter (a .java file that isn't a test)");
        }
    }

    @Test
    void every_exercise_has_a_reference_solution_that_replaces_only_starter_files() {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS),
                "no " + Exercise.SOLUTIONS + ": the kit was handed out without them");
        List<String> names = Exercise.all().stream().map(Exercise::name).toList();
        for (Exercise exercise : Exercise.all()) {
            List<Path> solution = Exercise.javaFiles(exercise.solutionFolder());
            assertFalse(solution.isEmpty(),
                    "no reference solution in " + exercise.solutionFolder());
            for (Path file : solution) {
                assertTrue(Files.isRegularFile(exercise.folder().resolve(file.getFileName()))
                                && !isTest(file), file + " must replace a starter file of "
                                + exercise.name() + ", under the same name");
            }
        }
        try (Stream<Path> folders = Files.list(Exercise.SOLUTIONS)) {
            folders.forEach(folder -> assertTrue(names.contains(folder.getFileName().toString()),
                    folder + " is the solution of no exercise"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void in_ci_the_kits_java_has_lines_under_100_columns_for_those_who_copy_it()
            throws IOException {
        assumeTrue("true".equals(System.getenv("CI")), IN_CI_ONLY);
        List<String> tooLong = new ArrayList<>();
        for (Path root : List.of(Exercise.ROOT, KIT_CODE)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
            }
            for (Path file : files) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).length() >= 100) {
                        tooLong.add(file + ":" + (i + 1));
                    }
                }
            }
        }
        assertEquals(List.of(), tooLong, "lines of 100 columns or more");
    }

    @TestFactory
    Stream<DynamicTest> in_ci_each_starter_as_shipped_compiles_and_fails_its_tests() {
        assumeTrue("true".equals(System.getenv("CI")), IN_CI_ONLY);
        return starters().entrySet().stream().map(run -> DynamicTest.dynamicTest(
                run.getKey().name(), () -> {
                    Outcome outcome = run.getValue();
                    assertTrue(outcome.total() > 0, run.getKey().name()
                            + "'s starter must compile: " + outcome.firstFailure());
                    assertFalse(outcome.done(), run.getKey().name() + "'s starter passes every"
                            + " test, so its tests prove nothing");
                }));
    }

    @TestFactory
    Stream<DynamicTest> in_ci_each_reference_solution_passes_its_tests() {
        assumeTrue("true".equals(System.getenv("CI")), IN_CI_ONLY);
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS),
                "no " + Exercise.SOLUTIONS + ": the kit was handed out without them");
        return solutions().entrySet().stream().map(run -> DynamicTest.dynamicTest(
                run.getKey().name(), () -> assertTrue(run.getValue().done(), run.getKey().name()
                        + "'s solution fails " + run.getValue().firstFailedTest() + ": "
                        + run.getValue().firstFailure())));
    }

    @Test
    void in_ci_the_progress_table_in_the_students_readme_is_what_the_starters_give() {
        assumeTrue("true".equals(System.getenv("CI")), IN_CI_ONLY);
        List<String> report = ProgressReport.of(starters());
        // The page shows the first two rows of the table; "..." stands for the others.
        List<String> sample = new ArrayList<>(report.subList(0, 4));
        sample.add("  ...");
        sample.addAll(report.subList(2 + starters().size(), report.size()));
        Path readme = Exercise.ROOT.resolve("README.md");
        if (Boolean.getBoolean("refreshChapter")) {
            MarkdownPage.read(readme).replaceBlock(PROGRESS_SAMPLE, sample);
        }
        assertEquals(String.join("\n", sample),
                String.join("\n", MarkdownPage.read(readme).block(PROGRESS_SAMPLE)),
                readme + ": the block after " + PROGRESS_SAMPLE + " is not what the progress"
                        + " command prints for the starters. Refresh it with: CI=true ./mvnw test"
                        + " -Dtest=ExerciseKitTest -DrefreshChapter=true");
    }

    // Each exercise runs once for all three checks, several at once.
    private static synchronized Map<Exercise, Outcome> starters() {
        if (starters == null) {
            starters = Progress.checkAll(Exercise.all());
        }
        return starters;
    }

    private static synchronized Map<Exercise, Outcome> solutions() {
        if (solutions == null) {
            solutions = Progress.runAll(Exercise.all(), Exercise::checkSolution);
        }
        return solutions;
    }

    private static boolean isTest(Path file) {
        return file.getFileName().toString().endsWith("Test.java");
    }
}
