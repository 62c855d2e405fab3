package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The classroom kit keeps its promises: every exercise has its task, hints and tests; its starter
 * compiles and fails its tests (so no test passes without work); its reference solution passes.
 */
class ExerciseKitTest {

    @Test
    void there_are_at_least_ten_exercises_each_with_a_task_hints_a_starter_and_tests() {
        List<Exercise> exercises = Exercise.all();
        assertTrue(exercises.size() >= 10, "exercises: " + exercises.size());
        for (Exercise exercise : exercises) {
            for (String file : List.of("README.md", "HINTS.md")) {
                assertTrue(Files.isRegularFile(exercise.folder().resolve(file)), exercise.name() + " has no " + file);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> each_starter_compiles_and_fails_its_tests() {
        return Exercise.all().stream().map(exercise -> DynamicTest.dynamicTest(exercise.name(), () -> {
            Outcome outcome = exercise.check();
            assertTrue(outcome.total() > 0, exercise.name() + "'s starter must compile: " + outcome.firstFailure());
            assertFalse(outcome.done(), exercise.name() + "'s starter passes every test, so its tests prove nothing"
                    + " (if you solved it in this copy, that is expected: this check is for the kit's maintainers)");
        }));
    }

    @TestFactory
    Stream<DynamicTest> each_reference_solution_passes_its_tests() {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS), "no " + Exercise.SOLUTIONS + ": the kit was handed out without them");
        return Exercise.all().stream().map(exercise -> DynamicTest.dynamicTest(exercise.name(), () -> {
            assertTrue(Files.isDirectory(exercise.solutionFolder()), "no reference solution in " + exercise.solutionFolder());
            Outcome outcome = exercise.checkSolution();
            assertTrue(outcome.done(), exercise.name() + "'s solution fails " + outcome.firstFailedTest() + ": "
                    + outcome.firstFailure());
        }));
    }
}
