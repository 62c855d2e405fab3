package com.example.websockets.hub;

import com.example.websockets.rules.Broker;
import com.example.websockets.rules.Broker.Kept;
import com.example.websockets.rules.Broker.Logged;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step 5 of CHAPTER.md: the answer to "how do I send to a WebSocket from my other code?". Any
 * server code calls {@link #publish}; every subscriber of the notification's topic gets it, and
 * each topic keeps its latest ones so that a subscriber who was away can catch up. The
 * {@link Broker} numbers and keeps them: in this process, or in Redis for several instances (step 6).
 */
final class NotificationHub {

    /** Subscribes to every topic. */
    static final String ALL = "*";
    private static final String CHANNEL = "hub";
    private static final String SEQUENCE = "hub:ids";
    private static final String ALL_LOG = "hub:all";

    private final Broker broker;
    private final int keepPerTopic;
    private final Clock clock;
    private final Object lock = new Object();
    // Concurrent, though guarded by the lock: a send that fails closes its socket at once, and its
    // onClose unsubscribes it while a delivery is walking over the map.
    private final Map<Subscriber, Subscription> subscribers = new ConcurrentHashMap<>();

    /** What one subscriber wants, the last id it was sent, and what came while it was catching up. */
    private static final class Subscription {
        Set<String> wanted;
        long lastSent;
        List<Logged> waiting; // null once caught up

        Subscription(Set<String> wanted, long lastSent, boolean catchingUp) {
            this.wanted = Set.copyOf(wanted);
            this.lastSent = lastSent;
            this.waiting = catchingUp ? new ArrayList<>() : null;
        }

        boolean wants(String topic) {
            return wanted.contains(topic) || wanted.contains(ALL);
        }
    }

    NotificationHub(Broker broker, int keepPerTopic, Clock clock) {
        this.broker = broker;
        this.keepPerTopic = keepPerTopic;
        this.clock = clock;
        broker.subscribe(CHANNEL, numbered -> arrived(Logged.parse(numbered)));
    }

    // tag::publish[]
    /** Publishes, and answers the notification's id; fails with IllegalStateException if the broker is away. */
    long publish(Draft draft) {
        String unnumbered = Wire.unnumbered(draft, clock.instant());
        long id = broker.append(SEQUENCE, List.of(log(draft.topic()), ALL_LOG), keepPerTopic, CHANNEL, unnumbered);
        Metrics.counter("notifications.published").increment();
        return id;
    }

    // Every published notification comes back here, numbered, in the order of the ids, on every instance.
    private void arrived(Logged notification) {
        Wire.Numbered numbered = Wire.numbered(notification);
        int delivered = 0;
        synchronized (lock) {
            for (Map.Entry<Subscriber, Subscription> entry : subscribers.entrySet()) {
                Subscription subscription = entry.getValue();
                if (subscription.wants(numbered.topic())) {
                    if (subscription.waiting != null) {
                        subscription.waiting.add(notification); // sent once its catch-up is out
                    } else if (send(entry.getKey(), subscription, notification.id(), numbered.json())) {
                        delivered++;
                    }
                }
            }
        }
        Metrics.counter("notifications.delivered").increment(delivered);
    }
    // end::publish[]

    // tag::subscribe[]
    /**
     * Adds a subscriber. With {@code after}, the id of the last notification it saw, it first gets
     * what it missed since, or a gap notice if some of that is gone; with 0, everything kept.
     */
    void subscribe(Subscriber subscriber, Set<String> wanted, long after) {
        Subscription subscription = new Subscription(wanted, after, after >= 0);
        synchronized (lock) {
            subscribers.put(subscriber, subscription);
        }
        if (after < 0) {
            return;
        }
        // Read outside the lock (the broker may be Redis, across the network); what arrives
        // meanwhile waits in the subscription, and the id check sends nothing twice.
        List<Logged> missed = new ArrayList<>();
        boolean gap;
        try {
            gap = read(wanted, after, missed);
        } catch (IllegalStateException unavailable) {
            gap = true;
        }
        synchronized (lock) {
            if (subscribers.get(subscriber) != subscription) {
                return; // gone meanwhile
            }
            if (gap) {
                subscriber.gap(Wire.gap(after, "Some notifications after " + after + " are no longer kept"));
            }
            missed.addAll(subscription.waiting);
            subscription.waiting = null;
            missed.sort(Comparator.comparingLong(Logged::id));
            long delivered = missed.stream()
                    .filter(notification -> send(subscriber, subscription, notification.id(), Wire.numbered(notification).json()))
                    .count();
            Metrics.counter("notifications.delivered").increment(delivered);
        }
    }
    // end::subscribe[]

    void change(Subscriber subscriber, Set<String> wanted) {
        synchronized (lock) {
            Subscription subscription = subscribers.get(subscriber);
            if (subscription != null) {
                subscription.wanted = Set.copyOf(wanted);
            }
        }
    }

    void unsubscribe(Subscriber subscriber) {
        synchronized (lock) {
            subscribers.remove(subscriber);
        }
    }

    private boolean read(Set<String> wanted, long after, List<Logged> into) {
        List<String> logs = wanted.contains(ALL) ? List.of(ALL_LOG) : wanted.stream().map(NotificationHub::log).toList();
        boolean gap = false;
        Map<Long, Logged> byId = new LinkedHashMap<>();
        for (String log : logs) {
            Kept kept = broker.read(log, after);
            gap |= kept.gap();
            kept.messages().forEach(notification -> byId.put(notification.id(), notification));
        }
        into.addAll(byId.values());
        return gap;
    }

    /** Sends unless the subscriber already has this id; true if sent. */
    private static boolean send(Subscriber subscriber, Subscription subscription, long id, String json) {
        if (id <= subscription.lastSent) {
            return false;
        }
        subscriber.notification(id, json);
        subscription.lastSent = id;
        return true;
    }

    private static String log(String topic) {
        return "hub:topic:" + topic;
    }
}
