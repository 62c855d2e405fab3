package com.example.websockets.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The exercises as shipped, for the kit's own checks: a copy of {@code exercises/} in which every
 * starter is the one committed (git's HEAD), so a starter solved in place is checked as it was
 * handed out. Without git (a download), the starters are taken as they are.
 */
final class ShippedKit {

    private ShippedKit() {
    }

    /** Copies the exercises (solutions and live coding too) into {@code root}/exercises. */
    static Path copy(Path root) {
        Path copy = root.resolve(Exercise.ROOT);
        try (Stream<Path> files = Files.walk(Exercise.ROOT)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(Exercise.ROOT.relativize(file));
                Files.createDirectories(target.getParent());
                Files.write(target, committedOr(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return copy;
    }

    // A starter: a .java file, not a test, in an exercise's folder (not in solutions/).
    private static boolean isStarter(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") && !name.endsWith("Test.java")
                && !file.startsWith(Exercise.SOLUTIONS);
    }

    /** The file as git's HEAD has it if it is a starter, or as it is. */
    static byte[] committedOr(Path file) throws IOException {
        byte[] committed = isStarter(file) ? committed(file) : null;
        return committed != null ? committed : Files.readAllBytes(file);
    }

    /** The file as git's HEAD has it, or null (no git, or not committed yet). */
    static byte[] committed(Path file) {
        String path = file.toString().replace('\\', '/');
        try {
            Process git = new ProcessBuilder(List.of("git", "show", "HEAD:" + path))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] content = git.getInputStream().readAllBytes();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? content : null;
        } catch (IOException noGit) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
