package com.example.websockets.chapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A tree of files as a page shows it: one entry a line, the entry first and a description after
 * it; a folder ends in {@code /}; a line that starts with spaces continues the description above,
 * or, indented under a folder, names what is inside it.
 */
final class FileTree {

    private FileTree() {
    }

    /**
     * What the folder holds, one level deep: files, and folders with a trailing slash. Hidden ones
     * aside.
     */
    static Set<String> entries(String folder) {
        try (Stream<Path> children = Files.list(Path.of(folder))) {
            return children.filter(child -> !child.getFileName().toString().startsWith("."))
                    .filter(child -> !child.getFileName().toString().equals("target"))
                    .map(child -> child.getFileName() + (Files.isDirectory(child) ? "/" : ""))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The entries a tree block names: the first word of each line that doesn't start with a
     * space.
     */
    static Set<String> named(List<String> body) {
        Set<String> named = new TreeSet<>();
        for (String line : body) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                named.add(line.split("\\s+")[0]);
            }
        }
        return named;
    }
}
