package com.example.websockets.classroom;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a student is, after rustlings' state file: the exercise the watch is on, and how many
 * hints of each exercise they have seen. It lives in {@link #FILE}; deleting it starts over.
 */
final class Bookmark {

    static final Path FILE = Path.of(".progress");
    private static final String CURRENT = "current";

    private final Path file;
    private final Properties values = new Properties();

    private Bookmark(Path file) {
        this.file = file;
    }

    static Bookmark read(Path file) {
        Bookmark bookmark = new Bookmark(file);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                bookmark.values.load(in);
            } catch (IOException | IllegalArgumentException unreadable) {
                bookmark.values.clear(); // a damaged file starts over, as a deleted one does
            }
        }
        return bookmark;
    }

    /** The exercise the student was on, by its id ("03"). */
    Optional<String> current() {
        return Optional.ofNullable(values.getProperty(CURRENT));
    }

    void current(String id) {
        values.setProperty(CURRENT, id);
        save();
    }

    int hintsSeen(String id) {
        try {
            return Integer.parseInt(values.getProperty("hints." + id, "0"));
        } catch (NumberFormatException damaged) {
            return 0;
        }
    }

    void hintsSeen(String id, int count) {
        values.setProperty("hints." + id, String.valueOf(count));
        save();
    }

    private void save() {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            values.store(out, "Where you are in the exercises: delete this file to start over.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
