package com.example.websockets.classroom;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs an exercise's test classes with JUnit, in-process, and collects what each test gave. */
final class TestRun implements TestExecutionListener {

    private final List<String> passed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int skipped;

    static Outcome of(ClassLoader loader, List<String> testClasses) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(testClasses.stream()
                            .map(name -> selectClass(load(loader, name))).toList())
                    .configurationParameter("junit.jupiter.execution.timeout.default", "30 s")
                    .build();
            Launcher launcher = LauncherFactory.create();
            TestRun run = new TestRun();
            launcher.execute(request, run);
            return Outcome.of(run.passed, run.failed, run.failures, run.skipped);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        String name = test.getDisplayName().replaceFirst("\\(\\)$", "").replace('_', ' ');
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            passed.add(name);
        } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped++; // an assumption that fails here, e.g. no redis-server outside CI
        } else {
            failed.add(name);
            failures.add(result.getThrowable().map(TestRun::describe)
                    .orElse(result.getStatus().toString()));
        }
    }

    // A student's test failure says it all in its message; anything else is shown with its type.
    private static String describe(Throwable failure) {
        if (failure instanceof AssertionError && failure.getMessage() != null) {
            return failure.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return loader.loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
