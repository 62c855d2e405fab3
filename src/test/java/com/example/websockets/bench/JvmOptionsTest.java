package com.example.websockets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmark: the JVM options it measures as "shipped" are the ones a learner runs, in
 * pom.xml's exec:exec and in README's java commands; so its figures are the app's.
 */
class JvmOptionsTest {

    @Test
    void exec_exec_starts_the_app_with_the_shipped_options() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher run = Pattern.compile("<arguments>(.*?)<argument>-classpath</argument>",
                Pattern.DOTALL).matcher(pom);
        assertTrue(run.find(), "pom.xml's exec:exec has no <arguments>");
        List<String> options = new ArrayList<>();
        Matcher argument = Pattern.compile("<argument>([^<]*)</argument>").matcher(run.group(1));
        while (argument.find()) {
            options.add(argument.group(1));
        }
        assertEquals(JvmOptions.SHIPPED, String.join(" ", options));
    }

    @Test
    void every_java_command_of_readme_uses_the_shipped_options() throws IOException {
        List<String> commands = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.startsWith("java ") && line.contains(" -jar ")).toList();
        assertFalse(commands.isEmpty(), "README shows how to run the jar");
        for (String command : commands) {
            String options = command.substring("java ".length(), command.indexOf(" -jar ")).trim();
            assertEquals(JvmOptions.SHIPPED, options, command);
        }
    }
}
