package com.example.websockets.classroom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The GitHub Classroom autograding workflow, written from the exercises' folders so that it
 * always grades all of them ({@link #FILE} must equal it). One step grades the whole kit in one
 * JVM, with Maven's cache; then one light step per exercise reads that grade, for the points.
 */
final class ClassroomWorkflow {

    static final Path FILE = Path.of(".github/workflows/classroom.yml");
    static final int POINTS = 10;

    // Written in two parts, so that the docs' checks see the region in the workflow, not here.
    private static final String REGION_START = "tag" + "::grader[]";
    private static final String REGION_END = "end" + "::grader[]";

    // The kit's own repository keeps exercises/solutions/; a hand-out (and a student's copy) not.
    private static final String HANDED_OUT = "if: hashFiles('exercises/solutions/**') == ''";

    private ClassroomWorkflow() {
    }

    static List<String> render(List<Exercise> exercises) {
        List<String> lines = new ArrayList<>(List.of(
                "# GitHub Classroom autograding: each exercise is one graded test, worth " + POINTS
                        + " points.",
                "# One step grades every exercise at once (./mvnw -q -Pprogress, in one JVM) and"
                        + " writes",
                "# " + ProgressCsv.FILE.toString().replace('\\', '/') + "; each exercise's step"
                        + " then reads its row. See TEACHING.md, \"Grading\".",
                "# ClassroomWorkflowTest writes this file from the exercises' folders:",
                "#   ./mvnw test -Dtest=ClassroomWorkflowTest -DrefreshChapter=true",
                "# Not graded: the template repository, and, with every step skipped, a copy that",
                "# still has exercises/solutions/ (the kit's own): only a student's hand-out is.",
                "name: Autograding Tests",
                "on: [push, repository_dispatch, workflow_dispatch]",
                "permissions:",
                "  checks: write",
                "  actions: read",
                "  contents: read",
                "jobs:",
                "  run-autograding-tests:",
                "    runs-on: ubuntu-latest",
                "    if: github.actor != 'github-classroom[bot]'"
                        + " && !github.event.repository.is_template",
                "    steps:",
                "      - uses: actions/checkout@v4",
                "      - uses: actions/setup-java@v4",
                "        with:",
                "          distribution: temurin",
                "          java-version: \"17\"",
                "          cache: maven",
                "      - name: Install redis-server, for exercise 13's test with a real Redis",
                "        " + HANDED_OUT,
                "        run: sudo apt-get update -qq && sudo apt-get install -y -qq redis-server",
                "      - name: Grade every exercise, once, in one JVM",
                "        " + HANDED_OUT,
                "        # Fails while an exercise is not done: the steps below say which.",
                "        continue-on-error: true",
                "        run: " + ProgressReport.COMMAND));
        for (int i = 0; i < exercises.size(); i++) {
            lines.addAll(grader(exercises.get(i), i == 0));
        }
        lines.addAll(List.of(
                "      - name: Report the grades",
                "        " + HANDED_OUT,
                "        uses: classroom-resources/autograding-grading-reporter@v1",
                "        env:"));
        exercises.forEach(exercise -> lines.add("          " + id(exercise).toUpperCase()
                + "_RESULTS: \"${{ steps." + id(exercise) + ".outputs.result }}\""));
        lines.addAll(List.of(
                "        with:",
                "          runners: " + exercises.stream().map(ClassroomWorkflow::id)
                        .collect(Collectors.joining(","))));
        return lines;
    }

    /** The command that passes once the grade says the exercise is done. */
    static String command(Exercise exercise) {
        return "grep -q '^" + exercise.name() + ",yes,' "
                + ProgressCsv.FILE.toString().replace('\\', '/');
    }

    // The first grader is a region that TEACHING.md shows; the others are alike.
    private static List<String> grader(Exercise exercise, boolean first) {
        String name = quote(exercise.id() + " " + exercise.title());
        List<String> lines = new ArrayList<>(List.of(
                "      - name: " + name,
                "        id: " + id(exercise),
                "        " + HANDED_OUT,
                "        uses: classroom-resources/autograding-command-grader@v1",
                "        with:",
                "          test-name: " + name,
                "          command: " + command(exercise),
                "          timeout: 1",
                "          max-score: " + POINTS));
        if (first) {
            lines.add(0, "      # " + REGION_START);
            lines.add("      # " + REGION_END);
        }
        return lines;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String id(Exercise exercise) {
        return "ex" + exercise.id();
    }
}
