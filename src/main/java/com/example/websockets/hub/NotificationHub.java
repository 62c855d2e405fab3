package com.example.websockets.hub;

import com.example.websockets.app.Json;
import com.example.websockets.app.Printable;
import com.example.websockets.broker.Broker;
import com.example.websockets.broker.Broker.Kept;
import com.example.websockets.broker.Broker.Logged;
import com.example.websockets.broker.CatchUp;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5 of CHAPTER.md: the answer to "how do I send to a WebSocket from my other code?". Any
 * server code calls {@link #publish}; every subscriber of the notification's topic gets it, and
 * each topic keeps its latest ones so that a subscriber who was away can catch up. The
 * {@link Broker} numbers and keeps them: in this process, or in Redis for several instances (step 6).
 */
final class NotificationHub {

    private static final Logger log = LoggerFactory.getLogger(NotificationHub.class);
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

    /** What one subscriber wants, and its way from what it missed to what is new. */
    private record Subscription(Set<String> wanted, CatchUp catchUp) {

        boolean wants(String topic) {
            return wanted.contains(topic) || wanted.contains(ALL);
        }
    }

    /** A notification as the broker keeps and carries it, before it has an id. */
    private record Stored(String topic, String title, String body, String level, String time) {

        Logged numbered(long id) {
            return new Logged(id, Json.write(new HubMessage.Notification(id, topic, title, body, level, time)));
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
        String stored = Json.write(new Stored(draft.topic(), draft.title(), draft.body(), draft.level(),
                clock.instant().toString()));
        long id = broker.append(SEQUENCE, List.of(log(draft.topic()), ALL_LOG), keepPerTopic, CHANNEL, stored);
        Metrics.counter("notifications.published").increment();
        return id;
    }

    // Every published notification comes back here, numbered, in the order of the ids, on every instance.
    private void arrived(Logged logged) {
        Stored stored;
        try {
            stored = Json.read(logged.message(), Stored.class);
        } catch (IllegalArgumentException unreadable) { // another version of the app wrote it
            log.warn("Skipped a notification this instance can't read: {}", Printable.of(unreadable.getMessage()));
            return;
        }
        Logged notification = stored.numbered(logged.id()); // written once, for every subscriber
        int delivered = 0;
        synchronized (lock) {
            for (Subscription subscription : subscribers.values()) {
                if (subscription.wants(stored.topic()) && subscription.catchUp().live(notification)) {
                    delivered++;
                }
            }
        }
        Metrics.counter("notifications.delivered").increment(delivered);
    }
    // end::publish[]

    // tag::subscribe[]
    /**
     * Adds a subscriber. With {@code after}, the id of the last notification it saw, it first gets
     * what it missed since, or a gap notice if some of that is gone; with 0, everything kept;
     * with -1, only what is new.
     */
    void subscribe(Subscriber subscriber, Set<String> wanted, long after) {
        CatchUp catchUp = after < 0 ? CatchUp.fromNow(subscriber::notification) : CatchUp.after(after, subscriber::notification);
        Subscription subscription = new Subscription(Set.copyOf(wanted), catchUp);
        synchronized (lock) {
            subscribers.put(subscriber, subscription);
        }
        if (after < 0) {
            return;
        }
        // Read outside the lock (the broker may be Redis, across the network); what arrives
        // meanwhile waits in the subscription, and goes out after it, each once.
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
                String reason = "Some notifications after " + after + " are no longer kept";
                subscriber.gap(Json.write(new HubMessage.Gap(after, reason)));
            }
            Metrics.counter("notifications.delivered").increment(catchUp.caughtUp(missed));
        }
    }
    // end::subscribe[]

    void change(Subscriber subscriber, Set<String> wanted) {
        synchronized (lock) {
            subscribers.computeIfPresent(subscriber, (ignored, old) -> new Subscription(Set.copyOf(wanted), old.catchUp()));
        }
    }

    void unsubscribe(Subscriber subscriber) {
        synchronized (lock) {
            subscribers.remove(subscriber);
        }
    }

    // What each log kept after the id, as the notifications a subscriber receives, each id once.
    private boolean read(Set<String> wanted, long after, List<Logged> into) {
        List<String> logs = wanted.contains(ALL) ? List.of(ALL_LOG) : wanted.stream().map(NotificationHub::log).toList();
        boolean gap = false;
        Map<Long, Logged> byId = new LinkedHashMap<>();
        for (String log : logs) {
            Kept kept = broker.read(log, after);
            gap |= kept.gap();
            kept.messages().forEach(logged ->
                    byId.put(logged.id(), Json.read(logged.message(), Stored.class).numbered(logged.id())));
        }
        into.addAll(byId.values());
        return gap;
    }

    private static String log(String topic) {
        return "hub:topic:" + topic;
    }
}
