package com.example.websockets.chapter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The named regions of the project's sources, each between a "tag::" and an "end::" comment line
 * inside a comment, as the pages show them: marker lines dropped, common indent removed.
 */
final class SourceRegions {

    static final List<Path> ROOTS = List.of(Path.of("src/main"), Path.of("src/test/java"),
            Path.of("src/test/resources"), Path.of("examples"));

    private static final Pattern START = Pattern.compile("tag::([\\w-]+)\\[]");
    private static final Pattern ANY_MARKER = Pattern.compile("(tag|end)::[\\w-]+\\[]");

    private SourceRegions() {
    }

    /** Every region of every source file, keyed {@code path#region}. */
    static Map<String, List<String>> all() {
        Map<String, List<String>> regions = new LinkedHashMap<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).sorted().forEach(file -> {
                    for (String name : names(read(file))) {
                        regions.put(key(file, name), region(read(file), name).orElseThrow());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return regions;
    }

    /** The region {@code path#name}, or empty when the file or the region doesn't exist. */
    static Optional<List<String>> find(String target) {
        int hash = target.indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        Path file = Path.of(target.substring(0, hash));
        return Files.isRegularFile(file) ? region(read(file), target.substring(hash + 1))
                : Optional.empty();
    }

    private static List<String> names(List<String> lines) {
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher start = START.matcher(line);
            if (start.find()) {
                names.add(start.group(1));
            }
        }
        return names;
    }

    private static Optional<List<String>> region(List<String> lines, String name) {
        List<String> body = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.contains("tag::" + name + "[]")) {
                inside = true;
            } else if (line.contains("end::" + name + "[]")) {
                return Optional.of(dedent(body));
            } else if (inside && !ANY_MARKER.matcher(line).find()) {
                body.add(line);
            }
        }
        if (inside) {
            throw new AssertionError("Region '" + name
                    + "' is opened but never closed with end::" + name + "[]");
        }
        return Optional.empty();
    }

    private static List<String> dedent(List<String> body) {
        int indent = body.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return body.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList();
    }

    private static String key(Path file, String name) {
        return file.toString().replace('\\', '/') + "#" + name;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
