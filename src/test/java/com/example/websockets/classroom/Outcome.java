package com.example.websockets.classroom;

import java.util.List;

/**
 * What running one exercise's tests gave: which tests passed, and for the first that didn't,
 * its name and the plain-words reason.
 */
public record Outcome(int passed, int total, String firstFailedTest, String firstFailure) {

    static Outcome notCompiling(String errors) {
        return new Outcome(0, 0, "(compiling)", "The code does not compile yet:\n" + errors);
    }

    public boolean done() {
        return total > 0 && passed == total;
    }

    /** "2/3 tests", or "does not compile". */
    public String summary() {
        return total == 0 ? "does not compile" : passed + "/" + total + " tests";
    }

    static Outcome of(List<String> passedTests, List<String> failedTests, List<String> failures) {
        int total = passedTests.size() + failedTests.size();
        return failedTests.isEmpty()
                ? new Outcome(total, total, null, null)
                : new Outcome(passedTests.size(), total, failedTests.get(0), failures.get(0));
    }
}
