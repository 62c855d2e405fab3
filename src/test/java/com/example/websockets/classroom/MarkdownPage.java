package com.example.websockets.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A page of the kit (exercises/README.md, TEACHING.md) as the kit's tests read it: its text, its
 * tables by their header row, and the fenced block after a marker comment, to check or rewrite.
 */
record MarkdownPage(Path file, List<String> lines) {

    static MarkdownPage read(Path file) {
        try {
            return new MarkdownPage(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        return String.join("\n", lines);
    }

    /** The rows of the table whose header row is {@code header}, each as its trimmed cells. */
    List<List<String>> table(String header) {
        int start = lines.indexOf(header);
        if (start < 0) {
            throw new AssertionError(file + " has no table with the header row " + header);
        }
        return rows(start);
    }

    /** Every table whose header row is {@code header}, in order. */
    List<List<List<String>>> tables(String header) {
        List<List<List<String>>> tables = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals(header)) {
                tables.add(rows(i));
            }
        }
        return tables;
    }

    private List<List<String>> rows(int start) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String row = lines.get(i).strip();
            rows.add(Arrays.stream(row.substring(1, row.length() - 1).split("\\|"))
                    .map(String::strip).toList());
        }
        return rows;
    }

    /** The body of the fenced block on the lines after {@code marker}. */
    List<String> block(String marker) {
        int open = fence(marker);
        return List.copyOf(lines.subList(open + 1, close(open)));
    }

    /** Writes the page with {@code body} in place of the block after {@code marker}. */
    void replaceBlock(String marker, List<String> body) {
        int open = fence(marker);
        List<String> updated = new ArrayList<>(lines.subList(0, open + 1));
        updated.addAll(body);
        updated.addAll(lines.subList(close(open), lines.size()));
        try {
            Files.write(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int fence(String marker) {
        int at = lines.indexOf(marker);
        if (at < 0 || at + 1 >= lines.size() || !lines.get(at + 1).startsWith("```")) {
            throw new AssertionError(file + " needs " + marker + " followed by a fenced block");
        }
        return at + 1;
    }

    private int close(int open) {
        for (int i = open + 1; i < lines.size(); i++) {
            if (lines.get(i).equals("```")) {
                return i;
            }
        }
        throw new AssertionError(file + ": the block on line " + (open + 1) + " is never closed");
    }
}
