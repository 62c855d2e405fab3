package com.example.websockets.classroom;

import java.util.List;

/**
 * What grading one exercise gave: how many of its tests passed, of how many (skipped ones, such
 * as those that need a program not installed here, count neither way), and for the first that
 * didn't, its name and the reason in plain words. An exercise whose tests were changed, or whose
 * code stopped the test run, is never done, whatever it printed.
 */
public record Outcome(Status status, int passed, int total, int skipped, String firstFailedTest,
        String firstFailure) {

    /** How far the grading got. */
    public enum Status {
        TESTED, NOT_COMPILING, TESTS_CHANGED, STOPPED_THE_RUN
    }

    static Outcome notCompiling(String errors) {
        return new Outcome(Status.NOT_COMPILING, 0, 0, 0, null, errors);
    }

    /** Its tests, or the kit's helpers, differ from those shipped: {@code changed} says which. */
    static Outcome testsChanged(List<String> changed) {
        return new Outcome(Status.TESTS_CHANGED, 0, 0, 0, null, String.join(", ", changed));
    }

    /** The JVM running its tests ended before they did: System.exit, or a crash. */
    static Outcome stoppedTheRun() {
        return new Outcome(Status.STOPPED_THE_RUN, 0, 0, 0, null,
                "The tests never finished: the code ended the test run (System.exit?).");
    }

    public boolean done() {
        return status == Status.TESTED && total > 0 && passed == total;
    }

    /** "2/3 tests", "does not compile", "tests changed", "stopped the tests". */
    public String summary() {
        return switch (status) {
            case TESTED -> passed + "/" + total + " tests"
                    + (skipped > 0 ? " (" + skipped + " skipped)" : "");
            case NOT_COMPILING -> "does not compile";
            case TESTS_CHANGED -> "tests changed";
            case STOPPED_THE_RUN -> "stopped the tests";
        };
    }

    static Outcome of(List<String> passedTests, List<String> failedTests, List<String> failures,
            int skipped) {
        int total = passedTests.size() + failedTests.size();
        return failedTests.isEmpty()
                ? new Outcome(Status.TESTED, total, total, skipped, null, null)
                : new Outcome(Status.TESTED, passedTests.size(), total, skipped,
                        failedTests.get(0), failures.get(0));
    }
}
