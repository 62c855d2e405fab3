package com.example.websockets.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The few git commands the classroom kit needs, each run in a folder, failing in plain words. */
final class Git {

    private Git() {
    }

    /** What the command printed; fails unless git exits with 0. */
    static String run(Path folder, String... args) {
        return new String(bytes(folder, args), StandardCharsets.UTF_8);
    }

    /** Every file HEAD holds, each with whether it is executable. */
    static Map<String, Boolean> committedFiles(Path folder) {
        Map<String, Boolean> files = new LinkedHashMap<>();
        // "100755 blob <id>\tpath", one a line, paths as they are (-z: no quoting).
        for (String entry : run(folder, "ls-tree", "-r", "-z", "HEAD").split("\0")) {
            int tab = entry.indexOf('\t');
            if (tab > 0 && entry.contains(" blob ")) {
                files.put(entry.substring(tab + 1), entry.startsWith("100755"));
            }
        }
        return files;
    }

    static byte[] committed(Path folder, String path) {
        return bytes(folder, "show", "HEAD:" + path);
    }

    /** The user's name or email as git knows it in {@code folder}, or {@code fallback}. */
    static String identity(Path folder, String key, String fallback) {
        try {
            String value = run(folder, "config", "user." + key).strip();
            return value.isEmpty() ? fallback : value;
        } catch (IllegalStateException unset) {
            return fallback;
        }
    }

    private static byte[] bytes(Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).directory(folder.toAbsolutePath().toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = git.getInputStream().readAllBytes();
            if (!git.waitFor(60, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed in "
                        + folder.toAbsolutePath());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("git is needed here: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
