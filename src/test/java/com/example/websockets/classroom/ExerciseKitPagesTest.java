package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The students' page (exercises/README.md) and the teacher's guide (TEACHING.md) count and list
 * the exercises that are there, and the commands the progress command takes.
 */
class ExerciseKitPagesTest {

    private static final MarkdownPage STUDENTS =
            MarkdownPage.read(Exercise.ROOT.resolve("README.md"));
    // A teacher may leave the guide out of the hand-out; then there is nothing of it to check.
    private static final Path GUIDE = Path.of("TEACHING.md");
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four",
            "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty");
    // "Thirteen exercises", "13 exercises"; not the title "Chapter 14 exercises".
    private static final Pattern COUNT =
            Pattern.compile("(?i)(?<!chapter )\\b([a-z]+|\\d+) exercises\\b");
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\bexercises? ((?:\\d\\d(?:-\\d\\d)?(?:, | and | or )?)+)");

    // The lesson plans' tables: a row's minutes hold its reading and what everyone does.
    private static final String SESSION =
            "| Minutes | What happens | Reading | Everyone does | If time is left |";

    private final List<Exercise> exercises = Exercise.all();
    private final List<String> ids = exercises.stream().map(Exercise::id).toList();

    private static List<MarkdownPage> pages() {
        return Files.isRegularFile(GUIDE) ? List.of(STUDENTS, MarkdownPage.read(GUIDE))
                : List.of(STUDENTS);
    }

    private static MarkdownPage guide() {
        assumeTrue(Files.isRegularFile(GUIDE), "no " + GUIDE + " in this copy of the kit");
        return MarkdownPage.read(GUIDE);
    }

    @Test
    void each_page_gives_the_number_of_exercises_there_are() {
        for (MarkdownPage page : pages()) {
            Matcher said = COUNT.matcher(page.text());
            int counts = 0;
            while (said.find()) {
                String number = said.group(1).toLowerCase();
                if (number.matches("\\d+") || NUMBERS.contains(number)) {
                    counts++;
                    int value = number.matches("\\d+") ? Integer.parseInt(number)
                            : NUMBERS.indexOf(number);
                    assertEquals(exercises.size(), value, page.file() + " says \"" + said.group()
                            + "\": there are " + exercises.size() + " (name a few by number)");
                }
            }
            assertTrue(counts > 0, page.file() + " should say how many exercises there are");
        }
    }

    @Test
    void the_students_table_lists_every_exercise_in_order_with_its_title_steps_and_time() {
        List<List<String>> rows =
                STUDENTS.table("| # | Exercise | Builds on | Time | You learn |");
        assertEquals(ids, rows.stream().map(row -> row.get(0)).toList(),
                STUDENTS.file() + ": the exercises' table must have one row per exercise");
        for (int i = 0; i < exercises.size(); i++) {
            Exercise exercise = exercises.get(i);
            List<String> row = rows.get(i);
            assertEquals("[" + exercise.title() + "](" + exercise.name() + "/README.md)",
                    row.get(1), STUDENTS.file() + ": the title and task of " + exercise.id());
            assertEquals(TaskHeader.of(exercise), TaskHeader.of(row.get(2), row.get(3)),
                    STUDENTS.file() + ": the steps, exercises and time of " + exercise.id()
                            + " must be those under the title of " + exercise.task());
        }
    }

    @Test
    void what_each_part_teaches_places_every_exercise_once_in_order() {
        MarkdownPage guide = guide();
        List<String> placed = new ArrayList<>();
        for (List<String> row : guide.table("| Part | Where | The idea to leave with |")) {
            if (row.get(0).startsWith("Exercise")) {
                placed.addAll(numbers(row.get(0)));
            }
        }
        assertEquals(ids, placed, guide.file() + ": the rows \"Exercises NN-NN\" of \"What"
                + " each part teaches\" must name every exercise once, in order");
    }

    @Test
    void the_mistakes_table_has_a_mistake_for_every_exercise_in_order() {
        MarkdownPage guide = guide();
        List<String> rows = guide.table(
                "| Exercise | Mistake | The test that fails, and what it says |").stream()
                .map(row -> row.get(0)).toList();
        assertEquals(ids, rows.stream().distinct().toList(), guide.file() + ": the mistakes"
                + " table needs at least one row for every exercise, in order");
        assertEquals(rows.stream().sorted().toList(), rows, "rows in the exercises' order");
    }

    @Test
    void each_session_has_the_minutes_for_its_reading_and_the_exercises_everyone_does() {
        MarkdownPage guide = guide();
        List<List<List<String>>> sessions = guide.tables(SESSION);
        assertTrue(sessions.size() >= 4, guide.file() + ": the sessions' tables, with " + SESSION);
        for (List<List<String>> session : sessions) {
            int end = 0;
            for (List<String> row : session) {
                Matcher span = Pattern.compile("(\\d+)-(\\d+)").matcher(row.get(0));
                assertTrue(span.matches(), guide.file() + ": minutes like 10-25: " + row);
                assertEquals(end, Integer.parseInt(span.group(1)), guide.file()
                        + ": each row starts where the one before ends: " + row);
                end = Integer.parseInt(span.group(2));
                int needed = minutes(row.get(2)) + exercisesTime(row.get(3), guide);
                assertTrue(needed <= end - Integer.parseInt(span.group(1)), guide.file() + ": "
                        + row.get(0) + " has " + needed + " minutes of reading and exercises: "
                        + row);
                numbers(row.get(4)).forEach(id -> assertTrue(ids.contains(id),
                        guide.file() + " names exercise " + id + ", which isn't there"));
            }
            assertEquals(90, end, guide.file() + ": a session lasts 90 minutes");
        }
    }

    // "01 (5 min), 02 (10 min)": each time must be the task's own (its longer end), summed.
    private int exercisesTime(String cell, MarkdownPage guide) {
        Pattern one = Pattern.compile("(\\d\\d) \\((\\d+) min\\)");
        assertTrue(one.matcher(cell).replaceAll("").matches("[\\s,]*"), guide.file()
                + ": list what everyone does as 01 (5 min), 02 (10 min): " + cell);
        int total = 0;
        Matcher each = one.matcher(cell);
        while (each.find()) {
            Exercise exercise = Exercise.numbered(each.group(1)).orElseThrow(() ->
                    new AssertionError(guide.file() + " names a missing exercise: " + cell));
            String time = TaskHeader.of(exercise).time();
            String longest = time.replaceFirst("^(\\d+-)?(\\d+) min$", "$2");
            assertEquals(longest, each.group(2), guide.file() + ": " + exercise.name()
                    + "'s time is " + time + " (its task), not " + each.group(2) + " min");
            total += Integer.parseInt(each.group(2));
        }
        return total;
    }

    private static int minutes(String cell) {
        Matcher each = Pattern.compile("\\((\\d+) min\\)").matcher(cell);
        int total = 0;
        while (each.find()) {
            total += Integer.parseInt(each.group(1));
        }
        return total;
    }

    @Test
    void every_exercise_the_pages_name_is_there() {
        for (MarkdownPage page : pages()) {
            Matcher named = NAMED.matcher(page.text());
            while (named.find()) {
                for (String id : numbers(named.group(1))) {
                    assertTrue(ids.contains(id), page.file() + " names \"" + named.group()
                            + "\", but there is no exercise " + id);
                }
            }
        }
    }

    @Test
    void the_commands_table_shows_every_option_that_pom_xml_passes_to_the_progress_command()
            throws IOException {
        Set<String> shown = new TreeSet<>();
        for (List<String> row : STUDENTS.table("| Command | What it does |")) {
            Matcher option = Pattern.compile("-D(\\w+)").matcher(row.get(0));
            while (option.find()) {
                shown.add(option.group(1));
            }
        }
        assertEquals(new TreeSet<>(Progress.OPTIONS), shown,
                STUDENTS.file() + ": the commands table, against Progress.OPTIONS");
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher execution = Pattern.compile("<id>progress</id>(.*?)</execution>", Pattern.DOTALL)
                .matcher(pom);
        assertTrue(execution.find(), "pom.xml has no execution with the id progress");
        String progress = execution.group(1);
        for (String option : Progress.OPTIONS) {
            assertTrue(progress.contains("<argument>--" + option + "=${" + option + "}</argument>")
                    && pom.contains("<" + option + "></" + option + ">"), "pom.xml must pass"
                    + " -D" + option + " on to the progress command, with an empty default");
        }
        assertFalse(Pattern.compile("<argument>--(?!(" + String.join("|", Progress.OPTIONS)
                + ")=)\\w+=").matcher(progress).find(),
                "pom.xml passes an option Progress ignores");
    }

    // "05-07" -> 05, 06, 07; "08, 10 and 11" -> 08, 10, 11.
    private static List<String> numbers(String text) {
        List<String> numbers = new ArrayList<>();
        Matcher range = Pattern.compile("(\\d\\d)(?:-(\\d\\d))?").matcher(text);
        while (range.find()) {
            int from = Integer.parseInt(range.group(1));
            int to = range.group(2) == null ? from : Integer.parseInt(range.group(2));
            IntStream.rangeClosed(from, to).forEach(n -> numbers.add(String.format("%02d", n)));
        }
        return numbers;
    }
}
