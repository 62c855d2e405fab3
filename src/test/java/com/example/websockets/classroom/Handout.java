package com.example.websockets.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code teaching/handout <folder>}: makes the repository students get, as a new repository
 * with one commit and no history, from what the kit has committed. It leaves out the solutions
 * and the teacher's material ({@link #LEFT_OUT}), and rewrites the pages so they make sense
 * without them ({@link HandoutPages}).
 */
public final class Handout {

    /**
     * What a hand-out leaves out: the solutions, the teacher's notes and tools, and the tests of
     * the teacher's material (the mutants are written against the solutions; the demo script's
     * outputs are in TEACHING.md).
     */
    static final List<String> LEFT_OUT = List.of("exercises/solutions/", "TEACHING.md",
            "teaching/", "src/test/java/com/example/websockets/classroom/KitMutantsTest.java",
            "src/test/java/com/example/websockets/classroom/DemoScriptTest.java");

    static final String MESSAGE = "Chapter 14 and its exercises";

    private Handout() {
    }

    public static void main(String[] args) {
        String to = List.of(args).stream().filter(arg -> arg.startsWith("--to="))
                .map(arg -> arg.substring("--to=".length())).findFirst().orElse("");
        if (to.isBlank()) {
            System.out.println("Say where to make it: teaching/handout ../chapter14-handout");
            System.exit(2);
        }
        Path folder = Path.of(to);
        if (Files.exists(folder) && !isEmptyFolder(folder)) {
            System.out.println(folder + " exists and is not empty: name a new folder.");
            System.exit(2);
        }
        if (!Git.run(Path.of(""), "status", "--porcelain").isBlank()) {
            System.out.println("Note: what is not committed here is not in the hand-out"
                    + " (see git status).");
        }
        int files = make(Path.of(""), folder);
        System.out.println("Made " + folder + ": " + files + " files in one commit, without "
                + String.join(", ", LEFT_OUT) + ". Push it as the template repository.");
    }

    /** Writes the hand-out of the kit in {@code kit} into {@code folder}: how many files. */
    static int make(Path kit, Path folder) {
        try {
            Files.createDirectories(folder);
            int count = 0;
            for (Map.Entry<String, Boolean> file : Git.committedFiles(kit).entrySet()) {
                if (LEFT_OUT.stream().noneMatch(file.getKey()::startsWith)) {
                    Path target = folder.resolve(file.getKey());
                    Files.createDirectories(target.toAbsolutePath().getParent());
                    Files.write(target, Git.committed(kit, file.getKey()));
                    if (file.getValue()) {
                        target.toFile().setExecutable(true);
                    }
                    count++;
                }
            }
            HandoutPages.rewrite(folder, LEFT_OUT);
            Git.run(folder, "init", "-q");
            Git.run(folder, "symbolic-ref", "HEAD", "refs/heads/main");
            Git.run(folder, "add", "-A");
            Git.run(folder, "-c", "user.name=" + Git.identity(kit, "name", "Teacher"),
                    "-c", "user.email=" + Git.identity(kit, "email", "teacher@example.invalid"),
                    "-c", "commit.gpgsign=false", "commit", "-q", "-m", MESSAGE);
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        } catch (IOException notAFolder) {
            return false;
        }
    }

    /** Reads every page of a folder, for the pages' rewriting and the hand-out's checks. */
    static List<Path> pages(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> !folder.relativize(file).startsWith(".git")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> readLines(Path file) {
        return new ArrayList<>(read(file).lines().toList());
    }
}
