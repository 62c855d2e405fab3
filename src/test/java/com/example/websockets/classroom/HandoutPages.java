package com.example.websockets.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of a hand-out, made to read well without what it leaves out. A passage for the kit's
 * own copy only sits between {@code <!-- hand-out: what to say instead -->} and
 * {@code <!-- end hand-out -->} (both invisible on GitHub); a hand-out has the text instead. A
 * tree of files loses the entries that are left out.
 */
final class HandoutPages {

    static final Pattern START = Pattern.compile("^<!-- hand-out:(.*)-->$");
    static final String END = "<!-- end hand-out -->";
    private static final Pattern TREE = Pattern.compile("^<!-- tree: (\\S+) -->$");

    private HandoutPages() {
    }

    static void rewrite(Path folder, List<String> leftOut) {
        for (Path page : Handout.pages(folder)) {
            List<String> lines = Handout.readLines(page);
            List<String> rewritten = withoutTrees(withoutPassages(lines, page), leftOut);
            if (!rewritten.equals(lines)) {
                try {
                    Files.write(page, rewritten, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    static List<String> withoutPassages(List<String> lines, Path page) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher start = START.matcher(lines.get(i));
            if (!start.matches()) {
                kept.add(lines.get(i));
                continue;
            }
            int end = lines.subList(i, lines.size()).indexOf(END);
            if (end < 0) {
                throw new IllegalStateException(page + " line " + (i + 1) + ": no " + END);
            }
            if (!start.group(1).isBlank()) {
                kept.add(start.group(1).strip());
            }
            i += end;
        }
        return kept;
    }

    // In a tree of a folder, an entry left out goes, with the lines that continue it.
    static List<String> withoutTrees(List<String> lines, List<String> leftOut) {
        List<String> kept = new ArrayList<>();
        String folder = null;
        boolean dropping = false;
        int fences = 0;
        for (String line : lines) {
            Matcher tree = TREE.matcher(line);
            if (tree.matches()) {
                folder = tree.group(1).equals(".") ? "" : tree.group(1) + "/";
                fences = 0;
                dropping = false;
            } else if (folder != null && line.startsWith("```")) {
                fences++;
                if (fences == 2) {
                    folder = null;
                }
            } else if (folder != null && fences == 1) {
                if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                    dropping = leftOut.contains(folder + line.split("\\s+")[0]);
                }
                if (dropping) {
                    continue;
                }
            }
            kept.add(line);
        }
        return kept;
    }
}
