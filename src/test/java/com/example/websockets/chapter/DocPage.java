package com.example.websockets.chapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One page of the docs (CHAPTER.md, a page of docs/, README.md, ...) as marked blocks that tests
 * compare with the real code and the real output, and that the refresh mode rewrites in place.
 */
final class DocPage {

    static final String REFRESH_PROPERTY = "refreshChapter";
    static final String REFRESH_COMMAND = "./mvnw test -D" + REFRESH_PROPERTY + "=true";

    private static final Pattern MARKER = Pattern.compile("^<!-- (code|output|tree): (\\S+) -->$");

    final Path file;
    private final List<String> lines;

    private DocPage(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Every page a reader gets: the chapter, the pages beyond it, and the guides. */
    static List<DocPage> all() {
        List<Path> files = new ArrayList<>(List.of(Path.of("CHAPTER.md"), Path.of("README.md"),
                Path.of("TEACHING.md"), Path.of("BENCHMARKS.md"), Path.of("exercises/README.md")));
        try (Stream<Path> pages = Files.list(Path.of("src/docs"))) {
            pages.filter(page -> page.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream().filter(Files::isRegularFile).map(DocPage::read).toList();
    }

    static DocPage read(Path file) {
        try {
            return new DocPage(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean refreshRequested() {
        return Boolean.getBoolean(REFRESH_PROPERTY);
    }

    List<String> lines() {
        return lines;
    }

    List<MarkedBlock> blocks(String kind) {
        List<MarkedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (marker.matches() && marker.group(1).equals(kind)) {
                int open = i + 1;
                int close = closingFence(open, marker.group(2));
                blocks.add(new MarkedBlock(file.toString(), kind, marker.group(2), i + 1,
                        List.copyOf(lines.subList(open + 1, close))));
            }
        }
        return blocks;
    }

    /**
     * Replaces the body of each block of {@code kind} with what {@code render} gives for it
     * (null leaves the block alone), and writes the file if anything changed.
     */
    void refresh(String kind, Function<MarkedBlock, List<String>> render) {
        List<String> updated = new ArrayList<>(lines);
        List<MarkedBlock> blocks = blocks(kind);
        // From the last block up, so earlier line numbers stay valid.
        for (int b = blocks.size() - 1; b >= 0; b--) {
            MarkedBlock block = blocks.get(b);
            List<String> body = render.apply(block);
            if (body != null) {
                int start = block.line() + 1; // first body line, 0-based
                updated.subList(start, start + block.body().size()).clear();
                updated.addAll(start, body);
            }
        }
        if (!updated.equals(lines)) {
            try {
                Files.write(file, updated, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private int closingFence(int open, String target) {
        if (open >= lines.size() || !lines.get(open).startsWith("```")) {
            throw new AssertionError(file + " line " + open + ": the marker for " + target
                    + " must be followed directly by a fenced code block");
        }
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return i;
            }
        }
        throw new AssertionError(file + " line " + (open + 1) + ": the block for " + target
                + " is never closed");
    }
}
