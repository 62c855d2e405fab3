package com.example.websockets.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CHAPTER.md shows only code the compiler has seen: each code block must equal the source
 * region it names, and each marked region must be shown.
 */
class ChapterCodeTest {

    @Test
    void every_code_block_matches_the_source_region_it_names() {
        ChapterDocument chapter = ChapterDocument.read();
        if (ChapterDocument.refreshRequested()) {
            chapter.refresh("code", block -> SourceRegions.find(block.target()).orElse(null));
            chapter = ChapterDocument.read();
        }
        List<MarkedBlock> blocks = chapter.blocks("code");
        assertTrue(blocks.size() > 5, "CHAPTER.md should show the chapter's code");
        for (MarkedBlock block : blocks) {
            Optional<List<String>> region = SourceRegions.find(block.target());
            assertTrue(region.isPresent(), block.describe() + " names a file or region that doesn't exist");
            assertEquals(String.join("\n", region.get()), String.join("\n", block.body()),
                    block.describe() + " differs from the source. Refresh it with: " + ChapterDocument.REFRESH_COMMAND);
        }
    }

    @Test
    void every_output_block_is_one_a_test_checks_against_the_real_app() {
        for (MarkedBlock block : ChapterDocument.read().blocks("output")) {
            assertTrue(ChapterOutputs.CHECKED.contains(block.target()),
                    block.describe() + " is checked by no test: add a ChapterOutputs.check for it");
        }
    }

    @Test
    void every_marked_region_is_shown_in_the_chapter() {
        Set<String> shown = new HashSet<>();
        ChapterDocument.read().blocks("code").forEach(block -> shown.add(block.target()));
        for (Map.Entry<String, List<String>> region : SourceRegions.all().entrySet()) {
            assertTrue(shown.contains(region.getKey()), "The source region " + region.getKey()
                    + " is marked but CHAPTER.md never shows it: add a block after <!-- code: "
                    + region.getKey() + " --> or remove the tag");
        }
    }
}
