package com.example.websockets.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small exercises of the kit's own shape, written into a folder of a test's choosing, so the
 * tests of the kit's commands never depend on how far a student got with the real ones.
 */
final class TinyExercises {

    static final String STARTER_ANSWER = "\"Hi\"";
    static final String SOLVED_ANSWER = "\"Hello, \" + ctx.message()";
    static final String FIRST_HINT = "The name is the message.";
    static final String SECOND_HINT = "Glue \"Hello, \" before it,";

    private TinyExercises() {
    }

    /** Writes exercise {@code id} ("01"), a greeting whose starter answers "Hi" to anything. */
    static Path write(Path root, String id) throws IOException {
        Path folder = Files.createDirectories(root.resolve(id + "-greeting"));
        Files.writeString(folder.resolve("README.md"), "# " + id + ". Greet by name\n");
        Files.writeString(folder.resolve("HINTS.md"), "Hints for " + id + ", Greet by name\n\n"
                + "1. " + FIRST_HINT + "\n2. " + SECOND_HINT + "\n   on two lines.\n");
        answer(root, id, STARTER_ANSWER);
        Files.writeString(folder.resolve("GreetingTest.java"), """
                package tiny.e%s;

                import com.example.websockets.classroom.ExerciseServer;
                import com.example.websockets.classroom.Peer;
                import org.junit.jupiter.api.Test;

                class GreetingTest {

                    @Test
                    void a_greeting_names_who_wrote() {
                        try (ExerciseServer server = ExerciseServer.start(new Greeting())) {
                            Peer alice = Peer.connect("Alice", server, "/greet");
                            alice.send("Alice");
                            alice.expect("Hello, Alice");
                        }
                    }
                }
                """.formatted(id), StandardCharsets.UTF_8);
        return folder;
    }

    /** Writes the list of shipped tests of the exercises under {@code project}'s exercises/. */
    static void ship(Path project) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Exercise exercise : Exercise.all(project.resolve(Exercise.ROOT))) {
            Path test = exercise.folder().resolve("GreetingTest.java");
            lines.add(ShippedTests.hash(test) + "  "
                    + project.relativize(test).toString().replace('\\', '/'));
        }
        Files.write(project.resolve(ShippedTests.FILE), lines, StandardCharsets.UTF_8);
    }

    /** Saves exercise {@code id}'s step with {@code answer}, a Java expression, as its reply. */
    static void answer(Path root, String id, String answer) throws IOException {
        Files.writeString(root.resolve(id + "-greeting").resolve("Greeting.java"), """
                package tiny.e%s;

                import com.example.websockets.app.ChapterStep;
                import io.javalin.config.JavalinConfig;

                public final class Greeting implements ChapterStep {

                    @Override
                    public void addTo(JavalinConfig config) {
                        config.routes.ws("/greet", ws -> ws.onMessage(ctx -> ctx.send(%s)));
                    }

                    @Override
                    public String howToTry(String hostAndPort) {
                        return "Say your name to ws://" + hostAndPort + "/greet";
                    }
                }
                """.formatted(id, answer), StandardCharsets.UTF_8);
    }
}
