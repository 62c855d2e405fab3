package com.example.websockets.classroom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classroom kit's grading JVM: runs the tests of the exercises named on its command line,
 * several at once, and reports each outcome to the JVM that started it ({@link GradingRun}).
 * Each report line carries a word that only that JVM knows, read from standard input before any
 * student code loads, so nothing a student's code prints can pass for a report.
 */
final class ExerciseWorker {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line of the report: an exercise started, or its outcome (then {@code outcome} is set). */
    record Report(String folder, Outcome outcome) {
    }

    private ExerciseWorker() {
    }

    public static void main(String[] folders) throws IOException {
        QuietLogs.apply(true);
        String word = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine();
        PrintStream reports = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        // What the exercises print goes to standard error, which the grader reads past.
        System.setOut(System.err);
        List<Exercise> exercises = Stream.of(folders).map(Path::of).map(Exercise::new).toList();
        Progress.runAll(exercises, exercise -> {
            report(reports, word, new Report(exercise.folder().toString(), null));
            Outcome outcome = exercise.check();
            report(reports, word, new Report(exercise.folder().toString(), outcome));
            return outcome;
        });
        System.exit(0); // an exercise's threads that linger must not keep this JVM alive
    }

    private static void report(PrintStream reports, String word, Report report) {
        try {
            String line = word + " " + JSON.writeValueAsString(report);
            synchronized (reports) {
                reports.println(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The report on {@code line}, or null if it isn't one (it lacks the word). */
    static Report read(String line, String word) {
        int at = line.indexOf(word + " {");
        if (at < 0) {
            return null;
        }
        try {
            return JSON.readValue(line.substring(at + word.length() + 1), Report.class);
        } catch (IOException e) {
            return null;
        }
    }
}
