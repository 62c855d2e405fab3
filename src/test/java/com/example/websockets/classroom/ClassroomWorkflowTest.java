package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The autograding workflow grades every exercise, by the names the exercises have now: a new
 * exercise, or a new title, needs the workflow refreshed, and this test says how.
 */
class ClassroomWorkflowTest {

    // The project's one switch for rewriting what the docs show (see README, "Keeping the pages
    // true"): it refreshes this file too.
    private static final String REFRESH = "refreshChapter";

    @Test
    void the_workflow_has_one_graded_step_for_each_exercise_and_reports_them_all()
            throws IOException {
        List<String> expected = ClassroomWorkflow.render(Exercise.all());
        if (Boolean.getBoolean(REFRESH)) {
            Files.createDirectories(ClassroomWorkflow.FILE.getParent());
            Files.write(ClassroomWorkflow.FILE, expected, StandardCharsets.UTF_8);
        }
        List<String> actual = Files.isRegularFile(ClassroomWorkflow.FILE)
                ? Files.readAllLines(ClassroomWorkflow.FILE, StandardCharsets.UTF_8) : List.of();
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                ClassroomWorkflow.FILE + " does not grade the exercises as they are. Refresh it"
                        + " with: ./mvnw test -Dtest=ClassroomWorkflowTest -D" + REFRESH
                        + "=true");
    }
}
