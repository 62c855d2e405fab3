package com.example.websockets.chapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.websockets.WebSocketsApp;
import com.example.websockets.app.Variables;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README.md's table of settings names every variable the app reads, each with its real default. */
class SettingsTableTest {

    // | `NAME` | `default` | ... or | `NAME` | (none: ...) | ...
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([^|]+) \\|");

    @Test
    void the_readme_lists_every_variable_with_the_default_the_code_uses() {
        Variables unset = Variables.of(Map.of());
        WebSocketsApp.create(unset, WebSocketsApp.select("all", new WebSocketsApp.Parts(unset)));
        Map<String, String> read = new TreeMap<>(unset.defaults());

        Map<String, String> listed = new TreeMap<>();
        for (String line : DocPage.read(Path.of("README.md")).lines()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                listed.put(row.group(1), defaultIn(row.group(1), row.group(2).trim()));
            }
        }
        assertEquals(read, listed,
                "README.md's settings table: each variable the app reads, and its default");
    }

    // `8000` is 8000; "(none ...)" and "(random ...)" are unset; the thread pool's depends on the
    // cores.
    private static String defaultIn(String name, String cell) {
        if (cell.startsWith("`") && cell.endsWith("`")) {
            return cell.substring(1, cell.length() - 1);
        }
        if (cell.startsWith("(none") || cell.startsWith("(random")) {
            return "";
        }
        if (name.equals("MAX_THREADS") && cell.equals("2 per core + 2")) {
            return String.valueOf(2 * Runtime.getRuntime().availableProcessors() + 2);
        }
        return cell;
    }
}
