package com.example.websockets.chapter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The pages stay readable in one sitting: CHAPTER.md retells a chapter of 166 lines in at most
 * 800, and each page of a step beyond it (src/docs) takes at most 500.
 */
class PageLengthTest {

    @Test
    void the_chapter_and_each_page_beyond_it_stay_within_their_length() throws IOException {
        List<Executable> checks = new ArrayList<>();
        checks.add(within(Path.of("CHAPTER.md"), 800));
        try (Stream<Path> pages = Files.list(Path.of("src/docs"))) {
            pages.filter(page -> page.toString().endsWith(".md"))
                    .forEach(page -> checks.add(within(page, 500)));
        }
        assertTrue(checks.size() >= 5, "CHAPTER.md and the pages of steps 4 to 6 and production");
        assertAll(checks);
    }

    private static Executable within(Path page, int most) {
        return () -> {
            long lines = Files.readAllLines(page).size();
            assertTrue(lines <= most, page + " has " + lines + " lines, more than " + most
                    + ": cut what a learner doesn't need there, or link to it");
        };
    }
}
