package com.example.websockets.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The app's schedulers: a periodic task that throws is logged and keeps its schedule. */
class DaemonThreadsTest {

    @Test
    void a_periodic_task_that_throws_once_runs_again_on_schedule() {
        ScheduledExecutorService scheduler = DaemonThreads.scheduler("test");
        AtomicInteger runs = new AtomicInteger();
        try {
            scheduler.scheduleAtFixedRate(() -> {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("the first run fails");
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() >= 3);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
