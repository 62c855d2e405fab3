package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exercises' tests catch the wrong solutions students are known to write: each mutant is a
 * reference solution with one mistake put in, and its exercise's tests must fail on it, in the
 * words given. Left out of a hand-out: the mutants are written against the solutions.
 */
class KitMutantsTest {

    /**
     * One mistake: in the solution's {@code file}, each {@code find} becomes its replacement;
     * {@code failure}, a regular expression, is found in what the first failing test says.
     */
    record Mutant(String exercise, String file, String mistake, Map<String, String> edits,
            String failure) {
    }

    static final List<Mutant> MUTANTS = List.of(
            new Mutant("03", "OthersChat.java", "skips the sender only when it joined first",
                    Map.of("    private final Set<WsContext> clients",
                            "    private final java.util.concurrent.atomic.AtomicReference"
                                    + "<WsContext> first =\n"
                                    + "            new java.util.concurrent.atomic"
                                    + ".AtomicReference<>();\n"
                                    + "    private final Set<WsContext> clients",
                            "ws.onConnect(clients::add);",
                            "ws.onConnect(ctx -> { first.compareAndSet(null, ctx);"
                                    + " clients.add(ctx); });",
                            "if (!client.equals(sender)) {",
                            "if (!sender.equals(first.get()) || !client.equals(sender)) {"),
                    "Bob expected nothing more but got \"User says: "),
            new Mutant("06", "NamedChat.java", "no return after closing a nameless client",
                    Map.of("            return; // never joined, so leave() won't announce it\n",
                            ""),
                    // As the close and the add race: the client stays, or its departure is heard.
                    "a closed client must not join|got \" has left the chat\""),
            new Mutant("10", "ChosenNotifications.java", "refuses the largest values",
                    Map.of("number >= min && number <= max", "number >= min && number < max"),
                    "count must be a whole number from 1 to 20"),
            new Mutant("10", "ChosenNotifications.java", "ignores the server's interval",
                    Map.of("(int) interval.toMillis()", "2000"),
                    "without interval_ms, use the server's own interval"));

    @TempDir
    Path root;

    @TestFactory
    Stream<DynamicTest> the_tests_fail_on_each_known_wrong_solution() {
        assumeTrue(Files.isDirectory(Exercise.SOLUTIONS),
                "no " + Exercise.SOLUTIONS + ": the mutants are made from the solutions");
        List<Exercise> mutants = MUTANTS.stream().map(this::write).toList();
        Map<Exercise, Outcome> outcomes = Progress.checkAll(mutants);
        return mutants.stream().map(exercise -> {
            Mutant mutant = MUTANTS.get(mutants.indexOf(exercise));
            return DynamicTest.dynamicTest(mutant.exercise() + ", " + mutant.mistake(), () -> {
                Outcome outcome = outcomes.get(exercise);
                assertFalse(outcome.done(), exercise.name() + " passes every test with the"
                        + " mistake \"" + mutant.mistake() + "\"");
                assertEquals(Outcome.Status.TESTED, outcome.status(), outcome.firstFailure());
                assertTrue(Pattern.compile(mutant.failure()).matcher(outcome.firstFailure())
                        .find(),
                        "with the mistake \"" + mutant.mistake() + "\" the first failure should"
                                + " say \"" + mutant.failure() + "\", but it is "
                                + outcome.firstFailedTest() + ": " + outcome.firstFailure());
            });
        });
    }

    // The exercise's folder as shipped, its starter replaced by the solution with the mistake.
    private Exercise write(Mutant mutant) {
        Exercise exercise = Exercise.numbered(mutant.exercise()).orElseThrow();
        Path folder = root.resolve(MUTANTS.indexOf(mutant) + "").resolve(exercise.name());
        try {
            Files.createDirectories(folder);
            for (Path file : Exercise.javaFiles(exercise.folder())) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
            String solution = Files.readString(
                    exercise.solutionFolder().resolve(mutant.file()), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> edit : mutant.edits().entrySet()) {
                assertEquals(1, solution.split(Pattern.quote(edit.getKey()), -1)
                        .length - 1, "the solution of " + exercise.name() + " must hold \""
                        + edit.getKey() + "\" once, for the mutant \"" + mutant.mistake() + "\"");
                solution = solution.replace(edit.getKey(), edit.getValue());
            }
            Files.writeString(folder.resolve(mutant.file()), solution, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new Exercise(folder);
    }
}
