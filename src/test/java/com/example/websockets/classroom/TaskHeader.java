package com.example.websockets.classroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line under an exercise's title, "**Builds on:** step 2, the chat · **Time:** about 15
 * minutes · ...", as the students' table of exercises must repeat it: steps, exercises and time.
 */
record TaskHeader(Set<String> steps, Set<String> exercises, String time) {

    private static final Pattern HEADER = Pattern.compile(
            "\\*\\*Builds on:\\*\\* (.+?) · \\*\\*Time:\\*\\* (.+?) · \\*\\*You learn:\\*\\*");

    static TaskHeader of(Exercise exercise) {
        String text;
        try {
            text = Files.readString(exercise.task(), StandardCharsets.UTF_8).replace('\n', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher header = HEADER.matcher(text);
        if (!header.find()) {
            throw new AssertionError(exercise.task() + " has no line \"**Builds on:** ... ·"
                    + " **Time:** ... · **You learn:** ...\" under its title");
        }
        String time = header.group(2).replaceFirst("^about (\\d+) minutes$", "$1 min")
                .replaceFirst("^about (\\d+) to (\\d+) minutes \\(.*\\)$", "$1-$2 min");
        return of(header.group(1), time);
    }

    /** "step 3 and 09", "5 min" as the table writes them. */
    static TaskHeader of(String buildsOn, String time) {
        return new TaskHeader(all("step (\\d+)", buildsOn), all("\\b(\\d\\d)\\b", buildsOn), time);
    }

    private static Set<String> all(String regex, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
