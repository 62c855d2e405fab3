package com.example.websockets.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * Threads for the app's background work (the heartbeat, the timers of steps 3 to 5, step 5's
 * stream writers). They are daemons, so they never keep a stopped server's JVM alive, and how
 * late each timed task runs is measured ({@code scheduler.lateness} at {@code /metrics}).
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** One thread, named so that it reads well in a thread dump, that runs timed tasks. */
    public static ScheduledExecutorService scheduler(String name) {
        return new LateTimers(name, named(name));
    }

    /**
     * Threads made as needed and ended when idle, for work that may block (a slow reader's
     * writes).
     */
    public static ExecutorService pool(String name) {
        return Executors.newCachedThreadPool(named(name));
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
