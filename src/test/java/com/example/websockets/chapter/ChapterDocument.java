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

/**
 * CHAPTER.md as marked blocks that tests compare with the real code and the real output,
 * and that the refresh mode rewrites in place.
 */
final class ChapterDocument {

    static final Path FILE = Path.of("CHAPTER.md");
    static final String REFRESH_PROPERTY = "refreshChapter";
    static final String REFRESH_COMMAND = "./mvnw test -D" + REFRESH_PROPERTY + "=true";

    private static final Pattern MARKER = Pattern.compile("^<!-- (code|output): (\\S+) -->$");

    private final List<String> lines;

    private ChapterDocument(List<String> lines) {
        this.lines = lines;
    }

    static ChapterDocument read() {
        try {
            return new ChapterDocument(Files.readAllLines(FILE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean refreshRequested() {
        return Boolean.getBoolean(REFRESH_PROPERTY);
    }

    List<MarkedBlock> blocks(String kind) {
        List<MarkedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (marker.matches() && marker.group(1).equals(kind)) {
                int open = i + 1;
                int close = closingFence(open, marker.group(2));
                blocks.add(new MarkedBlock(kind, marker.group(2), i + 1, List.copyOf(lines.subList(open + 1, close))));
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
                Files.write(FILE, updated, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private int closingFence(int open, String target) {
        if (open >= lines.size() || !lines.get(open).startsWith("```")) {
            throw new AssertionError("CHAPTER.md line " + open + ": the marker for " + target
                    + " must be followed directly by a fenced code block");
        }
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return i;
            }
        }
        throw new AssertionError("CHAPTER.md line " + (open + 1) + ": the block for " + target + " is never closed");
    }
}
