package com.example.websockets.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the outputs that CHAPTER.md's "Try it" blocks show against what the tests just saw
 * the real app and the real clients print.
 */
public final class ChapterOutputs {

    /** Every output block name that some test checks; CHAPTER.md may show no others. */
    static final Set<String> CHECKED = Set.of(
            "startup", "echo-client", "chat-terminal-1", "chat-terminal-2", "notifications-client",
            "rooms-terminal-1", "rooms-terminal-2", "hub-publisher");

    private ChapterOutputs() {
    }

    public static void check(String name, List<String> actual) {
        if (!CHECKED.contains(name)) {
            throw new IllegalArgumentException("Add '" + name + "' to ChapterOutputs.CHECKED");
        }
        if (ChapterDocument.refreshRequested()) {
            ChapterDocument.read().refresh("output", block -> block.target().equals(name) ? actual : null);
        }
        Optional<MarkedBlock> block = ChapterDocument.read().blocks("output").stream()
                .filter(b -> b.target().equals(name)).findFirst();
        assertTrue(block.isPresent(), "CHAPTER.md shows no block after <!-- output: " + name + " -->");
        assertEquals(String.join("\n", actual), String.join("\n", block.get().body()),
                block.get().describe() + " is not what the app prints. Refresh it with: "
                        + ChapterDocument.REFRESH_COMMAND);
    }
}
