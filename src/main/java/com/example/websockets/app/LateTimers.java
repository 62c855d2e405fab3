package com.example.websockets.app;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduler that records how late each task starts against its schedule, as the timer
 * {@code scheduler.lateness} at {@code /metrics}. A notification due at 2.000 s that leaves at
 * 2.090 s was 90 ms late on the server, whatever the client saw: that splits the server's share
 * of a delay from the network's and the client's. A periodic task that throws is logged and keeps
 * its schedule, where a plain scheduler would silently never run it again.
 */
final class LateTimers extends ScheduledThreadPoolExecutor {

    private static final Logger log = LoggerFactory.getLogger(LateTimers.class);

    private final String name;
    private volatile Timer lateness;

    LateTimers(String name, ThreadFactory threads) {
        super(1, threads);
        this.name = name;
    }

    // Made when the first task runs, not with the scheduler: a step makes its scheduler before the
    // app's registry joins Micrometer's global one, which then warns of meters made too early.
    private Timer lateness() {
        Timer timer = lateness;
        if (timer == null) {
            timer = Timer.builder("scheduler.lateness").tag("scheduler", name)
                    .description("How late each timed task started against its schedule")
                    .publishPercentiles(0.5, 0.99)
                    .register(Metrics.globalRegistry);
            lateness = timer; // a race only looks the same timer up twice
        }
        return timer;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period,
            TimeUnit unit) {
        return super.scheduleAtFixedRate(logged(command), initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay,
            long delay, TimeUnit unit) {
        return super.scheduleWithFixedDelay(logged(command), initialDelay, delay, unit);
    }

    private Runnable logged(Runnable command) {
        return () -> {
            try {
                command.run();
            } catch (RuntimeException e) {
                log.warn("A timed task of {} failed, and runs again on schedule", name, e);
            }
        };
    }

    @Override
    protected <V> RunnableScheduledFuture<V> decorateTask(Runnable runnable,
            RunnableScheduledFuture<V> task) {
        return new Measured<>(task);
    }

    @Override
    protected <V> RunnableScheduledFuture<V> decorateTask(Callable<V> callable,
            RunnableScheduledFuture<V> task) {
        return new Measured<>(task);
    }

    /**
     * The executor's own task, timed as it starts; a periodic task comes back as this same
     * object.
     */
    private final class Measured<V> implements RunnableScheduledFuture<V> {

        private final RunnableScheduledFuture<V> task;

        Measured(RunnableScheduledFuture<V> task) {
            this.task = task;
        }

        @Override
        public void run() {
            lateness().record(Math.max(0, -task.getDelay(TimeUnit.NANOSECONDS)),
                    TimeUnit.NANOSECONDS);
            task.run();
        }

        @Override
        public int compareTo(Delayed other) {
            return task.compareTo(other instanceof Measured<?> measured ? measured.task : other);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return task.getDelay(unit);
        }

        @Override
        public boolean isPeriodic() {
            return task.isPeriodic();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return task.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public boolean isDone() {
            return task.isDone();
        }

        @Override
        public V get() throws InterruptedException, ExecutionException {
            return task.get();
        }

        @Override
        public V get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return task.get(timeout, unit);
        }
    }
}
