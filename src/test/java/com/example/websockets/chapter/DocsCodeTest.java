package com.example.websockets.chapter;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The pages show only code the compiler has seen: each code block must equal the source region
 * it names, each marked region must be shown on some page, and each output block must be one a
 * test checks against the real app.
 */
class DocsCodeTest {

    @Test
    void every_code_block_matches_the_source_region_it_names() {
        List<Executable> checks = new ArrayList<>(); // every drifted block, on every page, at once
        for (DocPage page : DocPage.all()) {
            if (DocPage.refreshRequested()) {
                page.refresh("code", block -> SourceRegions.find(block.target()).orElse(null));
                page = DocPage.read(page.file);
            }
            for (MarkedBlock block : page.blocks("code")) {
                checks.add(() -> {
                    Optional<List<String>> region = SourceRegions.find(block.target());
                    assertTrue(region.isPresent(),
                            block.describe() + " names a file or region that doesn't exist");
                    assertEquals(String.join("\n", region.get()), String.join("\n", block.body()),
                            block.describe() + " differs from the source. Refresh it with: "
                                    + DocPage.REFRESH_COMMAND);
                });
            }
        }
        assertTrue(checks.size() > 5, "the pages should show the chapter's code");
        assertAll(checks);
    }

    @Test
    void every_output_block_is_one_a_test_checks_against_the_real_app() {
        for (DocPage page : DocPage.all()) {
            for (MarkedBlock block : page.blocks("output")) {
                assertTrue(ChapterOutputs.CHECKED.contains(block.target()),
                        block.describe()
                                + " is checked by no test: add a ChapterOutputs.check for it");
            }
        }
    }

    @Test
    void every_marked_region_is_shown_on_some_page() {
        Set<String> shown = new HashSet<>();
        DocPage.all().forEach(page -> page.blocks("code")
                .forEach(block -> shown.add(block.target())));
        for (Map.Entry<String, List<String>> region : SourceRegions.all().entrySet()) {
            assertTrue(shown.contains(region.getKey()), "The source region " + region.getKey()
                    + " is marked but no page shows it: add a block after <!-- code: "
                    + region.getKey() + " --> or remove the tag");
        }
    }

    @Test
    void every_tree_of_files_names_what_is_there_and_all_of_it() {
        for (DocPage page : DocPage.all()) {
            for (MarkedBlock block : page.blocks("tree")) {
                assertEquals(FileTree.entries(block.target()), FileTree.named(block.body()),
                        block.describe() + ": the entries of the tree (the first word of each"
                                + " line, folders ending in /) must be what the folder holds");
            }
        }
    }
}
