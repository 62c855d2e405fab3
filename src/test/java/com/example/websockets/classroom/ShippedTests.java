package com.example.websockets.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tests as shipped: {@link #FILE} lists the SHA-256 of every exercise's tests and of the
 * kit's helpers they call, so grading can tell a changed test from the one the teacher gave.
 * Line ends are read as LF, so a Windows checkout's CRLF changes nothing.
 */
final class ShippedTests {

    static final Path FILE = Exercise.ROOT.resolve("shipped-tests.sha256");
    static final List<Path> HELPERS = List.of(
            Path.of("src/test/java/com/example/websockets/classroom/ExerciseServer.java"),
            Path.of("src/test/java/com/example/websockets/classroom/Peer.java"));

    private final Path project;
    private final Map<String, String> hashes;
    private final boolean helpers;

    private ShippedTests(Path project, Map<String, String> hashes, boolean helpers) {
        this.project = project;
        this.hashes = hashes;
        this.helpers = helpers;
    }

    /**
     * The list in {@code manifest}, for the project (a student's copy) in {@code project}; the
     * helpers are checked only if {@code helpers} (grade-class runs the teacher's own).
     */
    static ShippedTests read(Path manifest, Path project, boolean helpers) {
        Map<String, String> hashes = new LinkedHashMap<>();
        if (Files.isRegularFile(manifest)) {
            for (String line : lines(manifest)) {
                String[] parts = line.split("\\s+", 2);
                if (parts.length == 2) {
                    hashes.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
                }
            }
        }
        return new ShippedTests(project, hashes, helpers);
    }

    /** This project's own list, for its own tests and helpers. */
    static ShippedTests here() {
        return read(FILE, Path.of(""), true);
    }

    /** The files of the exercise's tests, or of the helpers, that differ from those shipped. */
    List<String> changed(Exercise exercise) {
        String folder = project.toAbsolutePath().relativize(exercise.folder().toAbsolutePath())
                .toString().replace('\\', '/') + "/";
        List<String> changed = new ArrayList<>();
        if (hashes.keySet().stream().noneMatch(path -> path.startsWith(folder))) {
            changed.add(FILE + " lists no tests of " + exercise.name());
        }
        hashes.forEach((path, hash) -> {
            boolean helper = HELPERS.stream().anyMatch(file -> path.equals(slashed(file)));
            boolean checked = helper ? helpers : path.startsWith(folder);
            if (checked && !hash.equals(hash(project.resolve(path)))) {
                changed.add(path);
            }
        });
        return changed;
    }

    /** The list as the files are now: the tests of {@code exercises}, then the helpers. */
    static List<String> current(List<Exercise> exercises) {
        List<String> lines = new ArrayList<>();
        for (Exercise exercise : exercises) {
            Exercise.javaFiles(exercise.folder()).stream()
                    .filter(file -> file.getFileName().toString().endsWith("Test.java"))
                    .forEach(file -> lines.add(hash(file) + "  " + slashed(file)));
        }
        HELPERS.forEach(file -> lines.add(hash(file) + "  " + slashed(file)));
        return lines;
    }

    static List<String> lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String slashed(Path file) {
        return file.toString().replace('\\', '/');
    }

    /** The file's SHA-256, read with LF line ends; "missing" when there is no such file. */
    static String hash(Path file) {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n");
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
