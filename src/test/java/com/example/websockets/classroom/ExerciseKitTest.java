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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classroom kit keeps its promises. Always: every exercise has its task, hints, starter and
 * tests. Where the solutions are (the kit's own repository, not a hand-out), on the starters as
 * shipped: each starter fails its tests, each solution passes them, the live coding's too.
 */
class ExerciseKitTest {

    /** Where exercises/README.md shows what the progress command prints for the starters. */
    static final String PROGRESS_SAMPLE = "<!-- progress: the starters -->";

    // The checks below need the solutions: a hand-out, and a student's copy of it, has none.
    // They read the starters as committed, so a student's (or a teacher's) work in place, and
    // CI=true in a student's own repository, change nothing.
    private static final String KIT_ONLY = "no " + Exercise.SOLUTIONS + ": this copy of the kit"
            + " was handed out without them, and its starters may be solved in place";

    private static final Path KIT_CODE = Path.of("src/test/java/com/example/websockets/classroom");

    private static Path shipped;
    private static Map<Exercise, Outcome> starters;
    private static Map<Exercise, Outcome> solutions;

    @TempDir
    static Path copies;

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
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS), KIT_ONLY);
        List<String> names = kit(Exercise.ROOT).stream().map(Exercise::name).toList();
        for (Exercise exercise : kit(Exercise.ROOT)) {
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
    void the_kits_java_as_shipped_has_lines_under_100_columns_for_those_who_copy_it()
            throws IOException {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS), KIT_ONLY);
        List<String> tooLong = new ArrayList<>();
        for (Path root : List.of(shipped(), KIT_CODE)) {
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
    Stream<DynamicTest> each_starter_as_shipped_compiles_and_fails_its_tests() {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS), KIT_ONLY);
        return starters().entrySet().stream().map(run -> DynamicTest.dynamicTest(
                run.getKey().name(), () -> {
                    Outcome outcome = run.getValue();
                    assertTrue(outcome.total() > 0, run.getKey().name() + "'s starter as"
                            + " committed (git's HEAD: commit a changed starter to check it)"
                            + " must compile: " + outcome.firstFailure());
                    assertFalse(outcome.done(), run.getKey().name() + "'s starter passes every"
                            + " test, so its tests prove nothing");
                }));
    }

    @TestFactory
    Stream<DynamicTest> each_reference_solution_passes_its_tests() {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS), KIT_ONLY);
        return solutions().entrySet().stream().map(run -> DynamicTest.dynamicTest(
                run.getKey().name(), () -> assertTrue(run.getValue().done(), run.getKey().name()
                        + "'s solution fails " + run.getValue().firstFailedTest() + ": "
                        + run.getValue().firstFailure())));
    }

    @Test
    void the_progress_table_in_the_students_readme_is_what_the_starters_give() {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS), KIT_ONLY);
        Map<Exercise, Outcome> numbered = new LinkedHashMap<>(starters());
        numbered.keySet().removeIf(exercise -> exercise.id().equals("live"));
        // The copy's folders are printed as the project's own.
        String copy = shipped().getParent().toString().replace('\\', '/') + "/";
        List<String> report = ProgressReport.of(numbered).stream()
                .map(line -> line.replace(copy, "")).toList();
        // The page shows the first two rows of the table; "..." stands for the others.
        List<String> sample = new ArrayList<>(report.subList(0, 4));
        sample.add("  ...");
        sample.addAll(report.subList(2 + numbered.size(), report.size()));
        Path readme = Exercise.ROOT.resolve("README.md");
        if (Boolean.getBoolean("refreshChapter")) {
            MarkdownPage.read(readme).replaceBlock(PROGRESS_SAMPLE, sample);
        }
        assertEquals(String.join("\n", sample),
                String.join("\n", MarkdownPage.read(readme).block(PROGRESS_SAMPLE)),
                readme + ": the block after " + PROGRESS_SAMPLE + " is not what the progress"
                        + " command prints for the starters. Refresh it with: ./mvnw test"
                        + " -Dtest=ExerciseKitTest -DrefreshChapter=true");
    }

    // The exercises under root, the live coding last.
    private static List<Exercise> kit(Path root) {
        List<Exercise> exercises = new ArrayList<>(Exercise.all(root));
        Path live = root.resolve(Exercise.LIVE.getFileName());
        if (Files.isDirectory(live)) {
            exercises.add(new Exercise(live));
        }
        return exercises;
    }

    private static synchronized Path shipped() {
        if (shipped == null) {
            shipped = ShippedKit.copy(copies);
        }
        return shipped;
    }

    // Each exercise runs once for all three checks, several at once.
    private static synchronized Map<Exercise, Outcome> starters() {
        if (starters == null) {
            starters = Progress.checkAll(kit(shipped()));
        }
        return starters;
    }

    private static synchronized Map<Exercise, Outcome> solutions() {
        if (solutions == null) {
            solutions = Progress.runAll(kit(shipped()), Exercise::checkSolution);
        }
        return solutions;
    }

    private static boolean isTest(Path file) {
        return file.getFileName().toString().endsWith("Test.java");
    }
}
