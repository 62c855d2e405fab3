package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The list of the tests as shipped can't drift: it names every exercise's tests and the kit's
 * helpers, each with the hash it has now. A maintainer who changes a test refreshes it.
 */
class ShippedTestsTest {

    @Test
    void the_list_of_shipped_tests_is_the_tests_as_they_are() throws IOException {
        List<Exercise> exercises = new ArrayList<>(Exercise.all());
        Exercise.live().ifPresent(exercises::add);
        List<String> expected = ShippedTests.current(exercises);
        if (Boolean.getBoolean("refreshChapter")) {
            Files.write(ShippedTests.FILE, expected, StandardCharsets.UTF_8);
        }
        List<String> actual = Files.isRegularFile(ShippedTests.FILE)
                ? ShippedTests.lines(ShippedTests.FILE) : List.of();
        assertEquals(String.join("\n", expected), String.join("\n", actual),
                ShippedTests.FILE + " is not the tests as they are. A student: put back the"
                        + " test that differs (git checkout -- that file). The kit's maintainers,"
                        + " after"
                        + " changing a test: ./mvnw test -Dtest=ShippedTestsTest"
                        + " -DrefreshChapter=true");
    }
}
