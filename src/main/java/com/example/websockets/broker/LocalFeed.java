package com.example.websockets.broker;

import com.example.websockets.broker.Broker.Entry;
import com.example.websockets.broker.Broker.Follower;
import com.example.websockets.broker.Broker.Kept;
import com.example.websockets.broker.Broker.Logged;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Steps 4 and 5: one feed of the {@link LocalBroker}: its ids, its logs (at most
 * {@link Broker#MAX_LOGS}, the least recently written goes first), what each log and the feed have
 * forgotten, and the keys of recent appends. One lock for all of it: followers get the messages in
 * the order of the ids.
 */
final class LocalFeed {

    private static final Logger log = LoggerFactory.getLogger(LocalFeed.class);

    static final int MAX_KEYS = 10_000;

    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private final LinkedHashMap<String, Log> logs =
            new LinkedHashMap<>(); // least recently written first
    private final LinkedHashMap<String, Long> dropped =
            new LinkedHashMap<>(); // log -> its newest id
    private final LinkedHashMap<String, Long> keys =
            new LinkedHashMap<>(); // key -> the id it got
    private long since;     // the first id of this feed: a reader from before it comes from
                            // another run
    private long last;      // the newest id
    private long forgotten; // the newest id of a dropped log no longer remembered by name

    /** One log's latest messages, oldest first, and the newest id it trimmed away. */
    private static final class Log {
        final ArrayDeque<Logged> kept = new ArrayDeque<>();
        long trimmed;
    }

    void follow(Follower follower) {
        followers.add(follower);
    }

    // Followers are called under the lock, which keeps the ids of concurrent appends in order
    // for each.
    synchronized long append(Entry entry, long now) {
        Long earlier = entry.key() == null ? null : keys.get(entry.key());
        if (earlier != null) {
            return earlier;
        }
        long id = Math.max(last + 1, now);
        if (since == 0) {
            since = id;
        }
        last = id;
        Logged logged = new Logged(id, entry.message());
        for (String name : entry.logs()) {
            keep(log(name), logged, entry.keep());
        }
        remember(entry.key(), id);
        for (Follower follower : followers) {
            try {
                follower.logged(logged);
            } catch (RuntimeException failed) { // stored all the same: the append succeeded
                log.warn("A follower of a feed failed on message {}", id, failed);
            }
        }
        return id;
    }

    synchronized Kept read(List<String> names, long after) {
        Map<Long, Logged> byId = new TreeMap<>();
        boolean gap = false;
        for (String name : names) {
            Log log = logs.get(name);
            if (log != null) {
                log.kept.stream().filter(logged -> logged.id() > after)
                        .forEach(logged -> byId.put(logged.id(), logged));
            }
            gap |= after > 0 && forgot(log, name, after);
        }
        return new Kept(new ArrayList<>(byId.values()), gap);
    }

    synchronized long newest() {
        return last;
    }

    // What was there after `after`, and isn't any more; or `after` is from another run of the app.
    private boolean forgot(Log log, String name, long after) {
        if (after < since || after > last) {
            return true;
        }
        if (log != null) {
            return after < log.trimmed;
        }
        Long droppedUpTo = dropped.get(name);
        return droppedUpTo != null ? after < droppedUpTo : after < forgotten;
    }

    private static void keep(Log log, Logged logged, int keep) {
        log.kept.addLast(logged);
        while (log.kept.size() > keep) {
            log.trimmed = log.kept.removeFirst().id(); // the newest trimmed,
                                                       // however many go at once
        }
    }

    // Written now: it moves to the end, the most recently written.
    private Log log(String name) {
        Log log = logs.remove(name);
        if (log == null) {
            log = new Log();
            Long droppedUpTo = dropped.remove(name); // written again after it was dropped
            log.trimmed = droppedUpTo == null ? 0 : droppedUpTo;
        }
        logs.put(name, log);
        if (logs.size() > Broker.MAX_LOGS) {
            Iterator<Map.Entry<String, Log>> leastRecent = logs.entrySet().iterator();
            Map.Entry<String, Log> gone = leastRecent.next();
            leastRecent.remove();
            dropped.put(gone.getKey(), newest(gone.getValue()));
            if (dropped.size() > Broker.MAX_DROPPED) {
                Iterator<Long> oldest = dropped.values().iterator();
                forgotten = Math.max(forgotten, oldest.next());
                oldest.remove();
            }
        }
        return log;
    }

    private void remember(String key, long id) {
        if (key != null) {
            keys.put(key, id);
            if (keys.size() > MAX_KEYS) {
                keys.remove(keys.keySet().iterator().next());
            }
        }
    }

    private static long newest(Log log) {
        return log.kept.isEmpty() ? log.trimmed : log.kept.getLast().id();
    }
}
