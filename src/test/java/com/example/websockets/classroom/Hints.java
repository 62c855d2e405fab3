package com.example.websockets.classroom;

import java.util.ArrayList;
import java.util.List;

/**
 * An exercise's hints ({@code HINTS.md}: a title line, then "1. ...", "2. ..."), given one at a
 * time: each {@code -Dhint=03}, or {@code h} in the watch, shows the next one and remembers it.
 */
final class Hints {

    private Hints() {
    }

    /** The numbered hints of the exercise, each as its lines, the number left out. */
    static List<String> of(Exercise exercise) {
        List<String> hints = new ArrayList<>();
        StringBuilder hint = null;
        for (String line : exercise.hints().lines().skip(1).toList()) {
            if (line.matches("\\d+\\. .*")) {
                if (hint != null) {
                    hints.add(hint.toString().strip());
                }
                hint = new StringBuilder(line.substring(line.indexOf(' ') + 1));
            } else if (hint != null) {
                hint.append('\n').append(line.strip());
            }
        }
        if (hint != null) {
            hints.add(hint.toString().strip());
        }
        return hints;
    }

    /** The next hint the student hasn't seen, which then counts as seen; the lines to print. */
    static List<String> next(Exercise exercise, Bookmark bookmark) {
        List<String> hints = of(exercise);
        int seen = Math.min(bookmark.hintsSeen(exercise.id()), hints.size());
        List<String> lines = new ArrayList<>();
        if (hints.isEmpty()) {
            lines.add(exercise.name() + " has no hints.");
            return lines;
        }
        int shown = seen == hints.size() ? seen : seen + 1;
        lines.add("Hint " + shown + " of " + hints.size() + " for " + exercise.id() + ", "
                + exercise.title() + ":");
        hints.get(shown - 1).lines().forEach(line -> lines.add("  " + line));
        lines.add(shown < hints.size()
                ? "(Ask again for the next one. " + Bookmark.FILE + " remembers how many you saw.)"
                : "(That was the last hint: the task and the tests' messages say the rest.)");
        bookmark.hintsSeen(exercise.id(), shown);
        return lines;
    }
}
