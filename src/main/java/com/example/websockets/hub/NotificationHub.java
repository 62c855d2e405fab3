package com.example.websockets.hub;

import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 5 of CHAPTER.md: the answer to "how do I send to a WebSocket from my other code?". Any
 * server code calls {@link #publish}; every subscriber of the notification's topic gets it, and
 * each topic keeps its latest ones so that a subscriber who was away can catch up.
 */
final class NotificationHub {

    /** Subscribes to every topic. */
    static final String ALL = "*";
    static final int MAX_TOPICS = 1000;

    // One lock: an id is taken, kept and delivered in one step, so every subscriber sees
    // ids in order, and a catch-up never misses nor repeats one that is published meanwhile.
    private final Object lock = new Object();
    private final Map<Subscriber, Set<String>> subscribers = new HashMap<>();
    private final LinkedHashMap<String, Topic> topics = new LinkedHashMap<>(16, 0.75f, true);
    private final int keepPerTopic;
    private final Clock clock;
    // Ids start at the start time, so the ids of a restarted hub follow those of the last one.
    private final long firstId;
    private long lastId;
    private long forgottenUpTo; // the newest id of a topic dropped to make room for another

    NotificationHub(int keepPerTopic, Clock clock) {
        this.keepPerTopic = keepPerTopic;
        this.clock = clock;
        this.firstId = clock.millis() * 1000;
        this.lastId = firstId - 1;
    }

    // tag::publish[]
    Notification publish(Draft draft) {
        synchronized (lock) {
            Notification notification = new Notification(++lastId, draft.topic(), draft.title(), draft.body(),
                    draft.level(), clock.instant().toString());
            String json = Wire.notification(notification);
            topic(notification.topic()).keep(notification.id(), json);
            int deliveries = 0;
            for (Map.Entry<Subscriber, Set<String>> subscriber : subscribers.entrySet()) {
                if (subscriber.getValue().contains(notification.topic()) || subscriber.getValue().contains(ALL)) {
                    subscriber.getKey().notification(notification.id(), json);
                    deliveries++;
                }
            }
            Metrics.counter("notifications.published").increment();
            Metrics.counter("notifications.delivered").increment(deliveries);
            return notification;
        }
    }
    // end::publish[]

    // tag::subscribe[]
    /**
     * Adds a subscriber. With {@code after}, the id of the last notification it saw, it first gets
     * what it missed since, or a gap notice if some of that is gone; with 0, everything kept.
     */
    void subscribe(Subscriber subscriber, Set<String> wanted, long after) {
        synchronized (lock) {
            if (after >= 0) {
                catchUp(subscriber, wanted, after);
            }
            subscribers.put(subscriber, Set.copyOf(wanted));
        }
    }

    private void catchUp(Subscriber subscriber, Set<String> wanted, long after) {
        List<Kept> missed = new ArrayList<>();
        boolean gone = after > 0 && (after < firstId - 1 || after < forgottenUpTo);
        for (Map.Entry<String, Topic> entry : topics.entrySet()) {
            if (wanted.contains(entry.getKey()) || wanted.contains(ALL)) {
                gone |= after > 0 && after < entry.getValue().trimmedUpTo;
                entry.getValue().after(after, missed);
            }
        }
        if (gone) {
            subscriber.gap(Wire.gap(after, "Some notifications after " + after + " are no longer kept"));
        }
        missed.sort(Comparator.comparingLong(Kept::id));
        missed.forEach(kept -> subscriber.notification(kept.id(), kept.json()));
        Metrics.counter("notifications.delivered").increment(missed.size());
    }
    // end::subscribe[]

    void change(Subscriber subscriber, Set<String> wanted) {
        synchronized (lock) {
            subscribers.replace(subscriber, Set.copyOf(wanted));
        }
    }

    void unsubscribe(Subscriber subscriber) {
        synchronized (lock) {
            subscribers.remove(subscriber);
        }
    }

    long lastId() {
        synchronized (lock) {
            return lastId;
        }
    }

    int subscribers() {
        synchronized (lock) {
            return subscribers.size();
        }
    }

    private Topic topic(String name) {
        Topic topic = topics.computeIfAbsent(name, key -> new Topic());
        if (topics.size() > MAX_TOPICS) {
            Iterator<Topic> leastRecent = topics.values().iterator();
            forgottenUpTo = Math.max(forgottenUpTo, leastRecent.next().newest());
            leastRecent.remove();
        }
        return topic;
    }

    private record Kept(long id, String json) {
    }

    /** One topic's latest notifications, oldest first. */
    private final class Topic {

        private final ArrayDeque<Kept> kept = new ArrayDeque<>();
        private long trimmedUpTo;

        void keep(long id, String json) {
            kept.addLast(new Kept(id, json));
            if (kept.size() > keepPerTopic) {
                trimmedUpTo = kept.removeFirst().id();
            }
        }

        void after(long after, List<Kept> into) {
            kept.stream().filter(kept -> kept.id() > after).forEach(into::add);
        }

        long newest() {
            return kept.isEmpty() ? trimmedUpTo : kept.getLast().id();
        }
    }
}
