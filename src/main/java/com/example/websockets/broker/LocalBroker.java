package com.example.websockets.broker;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Step 6: the broker of a single instance. Publishing calls each subscriber at once, on the
 * publisher's thread; logs live in memory, at most {@link Broker#MAX_LOGS} of them.
 */
final class LocalBroker implements Broker {

    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final LinkedHashMap<String, Log> logs = new LinkedHashMap<>(16, 0.75f, true); // least recent first
    private final long firstId;
    private long forgottenUpTo; // the newest id of a log dropped to make room for another

    LocalBroker(Clock clock) {
        this.firstId = clock.millis() * 1000;
    }

    // tag::local[]
    @Override
    public void publish(String channel, String message) {
        subscribers.getOrDefault(channel, List.of()).forEach(subscriber -> subscriber.accept(message));
    }

    @Override
    public void subscribe(String channel, Consumer<String> onMessage) {
        subscribers.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(onMessage);
    }
    // end::local[]

    // Publishing under the lock keeps the ids of concurrent appends in order for every subscriber.
    @Override
    public synchronized long append(String sequence, List<String> logNames, int keep, String channel, String message) {
        long id = sequences.merge(sequence, firstId, (last, unused) -> last + 1);
        for (String name : logNames) {
            log(name).keep(new Logged(id, message), keep);
        }
        publish(channel, id + " " + message);
        return id;
    }

    @Override
    public synchronized Kept read(String logName, long after) {
        Log log = logs.get(logName);
        boolean gap = after > 0 && (after < firstId - 1 || after < forgottenUpTo || log != null && after < log.trimmedUpTo);
        List<Logged> kept = log == null ? List.of() : log.kept.stream().filter(logged -> logged.id() > after).toList();
        return new Kept(kept, gap);
    }

    @Override
    public void close() {
        subscribers.clear();
    }

    private Log log(String name) {
        Log log = logs.computeIfAbsent(name, key -> new Log());
        if (logs.size() > MAX_LOGS) {
            Iterator<Log> leastRecent = logs.values().iterator();
            forgottenUpTo = Math.max(forgottenUpTo, leastRecent.next().newest());
            leastRecent.remove();
        }
        return log;
    }

    /** One log's latest messages, oldest first. */
    private static final class Log {

        final ArrayDeque<Logged> kept = new ArrayDeque<>();
        long trimmedUpTo;

        void keep(Logged logged, int keep) {
            kept.addLast(logged);
            while (kept.size() > keep) {
                trimmedUpTo = kept.removeFirst().id();
            }
        }

        long newest() {
            return kept.isEmpty() ? trimmedUpTo : kept.getLast().id();
        }
    }
}
