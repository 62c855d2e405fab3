package com.example.websockets.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code others copy stays under 100 columns: the app, its tests and the examples (the exercises
 * are ExerciseKitTest's).
 */
class LineWidthTest {

    private static final int MOST = 100;

    @Test
    void no_line_of_java_is_wider_than_100_columns() throws IOException {
        List<String> wide = new ArrayList<>();
        for (String root : List.of("src/main", "src/test", "examples")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (lines.get(i).length() > MOST) {
                            wide.add(file + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wide, "lines over " + MOST + " columns");
    }
}
