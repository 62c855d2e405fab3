package com.example.websockets.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

/**
 * Checks the outputs that the "Try it" blocks of CHAPTER.md and of the pages beyond it show
 * against what the tests just saw the real app and the real clients print.
 */
public final class ChapterOutputs {

    /** Every output block name that some test checks; the pages may show no others. */
    static final Set<String> CHECKED = Set.of(
            "startup", "echo-client", "chat-terminal-1", "chat-terminal-2", "notifications-client",
            "rooms-terminal-1", "rooms-terminal-2", "hub-publisher", "demo-flood", "demo-origin",
            "demo-live");

    private ChapterOutputs() {
    }

    public static void check(String name, List<String> actual) {
        if (!CHECKED.contains(name)) {
            throw new IllegalArgumentException("Add '" + name + "' to ChapterOutputs.CHECKED");
        }
        if (DocPage.refreshRequested()) {
            DocPage.all().forEach(page -> page.refresh("output",
                    block -> block.target().equals(name) ? actual : null));
        }
        List<MarkedBlock> blocks = DocPage.all().stream()
                .flatMap(page -> page.blocks("output").stream())
                .filter(b -> b.target().equals(name)).toList();
        assertTrue(!blocks.isEmpty(), "No page shows a block after <!-- output: " + name + " -->");
        for (MarkedBlock block : blocks) {
            assertEquals(String.join("\n", actual), String.join("\n", block.body()),
                    block.describe() + " is not what the app prints. Refresh it with: "
                            + DocPage.REFRESH_COMMAND);
        }
    }
}
