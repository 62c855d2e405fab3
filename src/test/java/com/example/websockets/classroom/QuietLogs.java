package com.example.websockets.classroom;

/**
 * The kit starts and stops the exercises' servers many times: their log lines, and warnings the
 * app's libraries print once per JVM, would bury what the progress command has to say.
 */
final class QuietLogs {

    private QuietLogs() {
    }

    /** Quiet: only errors. Otherwise ({@code -Dtry}) the app logs as it does when run itself. */
    static void apply(boolean quiet) {
        if (quiet) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
    }
}
