package com.example.websockets.rules;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Timer threads for the app's background work (the heartbeat, a step's schedules). They are
 * daemons, so they never keep a stopped server's JVM alive, and how late they run is measured.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** One thread, named so that it reads well in a thread dump, that runs timed tasks. */
    public static ScheduledExecutorService scheduler(String name) {
        return new LateTimers(name, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
