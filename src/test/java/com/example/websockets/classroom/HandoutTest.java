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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one command that makes a hand-out makes one students can have: a new repository of one
 * commit, with no line of a solution anywhere in it (history included), no teacher's notes, pages
 * that link only to what is there, and a build whose checks pass as GitHub runs them (CI=true).
 */
class HandoutTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @TempDir
    static Path folder;
    private static Path handout;

    @BeforeAll
    static void makeOne() {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS), "no solutions: this is a hand-out");
        assumeTrue(Files.exists(Path.of(".git")), "a hand-out is made from a git repository");
        handout = folder.resolve("handout");
        Handout.make(Path.of(""), handout);
    }

    @Test
    void it_is_a_new_repository_of_one_commit_without_what_is_left_out() {
        assertEquals("1", Git.run(handout, "rev-list", "--all", "--count").strip(),
                "commits in the hand-out");
        assertEquals("", Git.run(handout, "status", "--porcelain"), "all of it committed");
        for (String left : Handout.LEFT_OUT) {
            assertFalse(Files.exists(handout.resolve(left)), left + " is in the hand-out");
        }
        assertTrue(Files.isExecutable(handout.resolve("mvnw")), "mvnw runs as it is");
    }

    @Test
    void no_line_of_a_solution_is_anywhere_in_it_history_included() throws IOException {
        Set<String> solutionLines = SolutionText.lines();
        assertTrue(solutionLines.size() > 100, "the solutions' own lines: " + solutionLines);
        assertFalse(SolutionText.found(List.of(Path.of("exercises"))).isEmpty(),
                "the check must find the solutions in the kit itself, or it checks nothing");
        List<String> found = new ArrayList<>(SolutionText.found(List.of(handout)));
        // Every object git keeps, reachable or not: what a clone or a look into .git shows.
        String objects = Git.run(handout, "cat-file", "--batch-all-objects", "--batch");
        objects.lines().map(String::strip).filter(solutionLines::contains)
                .forEach(line -> found.add(".git: " + line));
        assertEquals(List.of(), found, "solution lines in the hand-out");
    }

    @Test
    void its_pages_link_only_to_what_is_there_and_keep_no_teachers_passage() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : Handout.pages(handout)) {
            String text = Handout.read(page);
            assertFalse(text.contains("<!-- hand-out:") || text.contains(HandoutPages.END),
                    page + " still has a passage for the kit's own copy");
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains(":") && !Files.exists(page.getParent().resolve(target))) {
                    broken.add(handout.relativize(page) + " -> " + target);
                }
            }
            for (String left : List.of("TEACHING.md", "solutions/", "teaching/")) {
                assertFalse(text.contains(left), handout.relativize(page) + " names " + left
                        + ", which the hand-out leaves out");
            }
        }
        assertEquals(List.of(), broken, "links to files the hand-out doesn't have");
    }

    @Test
    void its_build_compiles_and_its_page_and_kit_checks_pass_as_in_a_students_ci()
            throws Exception {
        List<String> command = List.of("./mvnw", "-o", "-q", "test", "-Dtest=DocsCodeTest,"
                + "SettingsTableTest,ExerciseKitPagesTest,ExerciseKitTest,ShippedTestsTest,"
                + "ClassroomWorkflowTest,IdeProfilesTest");
        ProcessBuilder build = new ProcessBuilder(command).directory(handout.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = build.environment();
        environment.keySet().removeIf(name -> name.startsWith("MAVEN_PROJECTBASEDIR")
                || name.startsWith("MAVEN_CMD_LINE_ARGS"));
        environment.put("CI", "true"); // as GitHub Actions runs a student's repository
        Process process = build.start();
        byte[] printed = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the hand-out's build did not end");
        String output = new String(printed, StandardCharsets.UTF_8);
        List<String> last = output.lines().toList();
        assertEquals(0, process.exitValue(), String.join(" ", command) + " in the hand-out:\n"
                + String.join("\n", last.subList(Math.max(0, last.size() - 80), last.size())));
    }

    /** The lines a student has to write: those of the solutions found in no starter or page. */
    static final class SolutionText {

        // Code the chapter itself shows is no secret: a solution's line found there isn't one.
        private static final List<Path> CHAPTER = List.of(Path.of("src"), Path.of("examples"),
                Path.of("CHAPTER.md"), Path.of("README.md"), Path.of("BENCHMARKS.md"));

        static Set<String> lines() throws IOException {
            Set<String> shared = new LinkedHashSet<>();
            for (Path root : CHAPTER) {
                files(root).forEach(file -> Handout.read(file).lines().map(String::strip)
                        .forEach(shared::add));
            }
            Set<String> lines = new LinkedHashSet<>();
            for (Path solution : files(Exercise.SOLUTIONS)) {
                Path starter = Exercise.ROOT.resolve(Exercise.SOLUTIONS.relativize(solution));
                // The starter as committed: one solved in place is still what a student gets.
                Set<String> given = Files.isRegularFile(starter)
                        ? Set.copyOf(new String(ShippedKit.committedOr(starter),
                                StandardCharsets.UTF_8).lines().map(String::strip).toList())
                        : Set.of();
                Handout.read(solution).lines().map(String::strip)
                        .filter(line -> line.length() >= 20 && !line.startsWith("import ")
                                && !given.contains(line) && !shared.contains(line))
                        .forEach(lines::add);
            }
            return lines;
        }

        /** "file: line" for each solution line in the files under {@code roots}. */
        static List<String> found(List<Path> roots) throws IOException {
            Set<String> solutionLines = lines();
            Map<String, String> found = new HashMap<>();
            for (Path root : roots) {
                for (Path file : files(root)) {
                    if (!root.equals(file) && root.relativize(file).getName(0).toString()
                            .equals(".git")) {
                        continue;
                    }
                    Handout.read(file).lines().map(String::strip).filter(solutionLines::contains)
                            .forEach(line -> found.putIfAbsent(line, file + ": " + line));
                }
            }
            return List.copyOf(found.values());
        }

        private static List<Path> files(Path root) throws IOException {
            if (Files.isRegularFile(root)) {
                return List.of(root);
            }
            try (Stream<Path> walk = Files.walk(root)) {
                return walk.filter(Files::isRegularFile).filter(HandoutTest::isText).toList();
            }
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return !(name.endsWith(".png") || name.endsWith(".jar") || name.endsWith(".class"));
    }
}
