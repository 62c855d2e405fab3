package com.example.websockets.hub;

import com.example.websockets.app.Json;
import com.example.websockets.app.Printable;
import com.example.websockets.broker.Broker;
import com.example.websockets.broker.Broker.Entry;
import com.example.websockets.broker.Broker.Kept;
import com.example.websockets.broker.Broker.Logged;
import com.example.websockets.broker.CatchUp;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5 of CHAPTER.md: the answer to "how do I send to a WebSocket from my other code?". Any
 * server code calls {@link #publish}; every subscriber of the notification's topic gets it, and
 * each topic keeps its latest ones so that a subscriber who was away can catch up. The
 * {@link Broker} numbers and keeps them: in this process, or in Redis for several instances
 * (step 6).
 */
final class NotificationHub implements Broker.Follower {

    /** Subscribes to every topic; also the name of the log that keeps every notification. */
    static final String ALL = "*";
    static final String FEED = "hub";
    private static final Logger log = LoggerFactory.getLogger(NotificationHub.class);

    private final Broker broker;
    private final int keepPerTopic;
    private final Clock clock;
    private final Object lock = new Object();
    // Concurrent, though guarded by the lock: a send that fails closes its socket at once, and its
    // onClose unsubscribes it while a delivery is walking over the map.
    private final Map<Subscriber, Subscription> subscribers = new ConcurrentHashMap<>();
    private long newest; // the newest id that came from the feed

    /**
     * What one subscriber wants, and its way from what it missed to what is new. The same object
     * for as long as it is subscribed, whatever topics it changes to: a catch-up under way finds
     * it again.
     */
    private static final class Subscription {
        final CatchUp catchUp;
        volatile Set<String> wanted; // changed under the lock; read by a catch-up outside it
        boolean told; // "subscribed" went out: the first catch-up is over

        Subscription(Set<String> wanted, CatchUp catchUp) {
            this.wanted = wanted;
            this.catchUp = catchUp;
        }

        boolean wants(String topic) {
            return wanted.contains(topic) || wanted.contains(ALL);
        }
    }

    /** A notification as the broker keeps and carries it, before it has an id. */
    private record Stored(String topic, String title, String body, String level, String time) {

        Logged numbered(long id) {
            return new Logged(id,
                    Json.write(new HubMessage.Notification(id, topic, title, body, level, time)));
        }
    }

    NotificationHub(Broker broker, int keepPerTopic, Clock clock) {
        this.broker = broker;
        this.keepPerTopic = keepPerTopic;
        this.clock = clock;
        broker.follow(FEED, this);
    }

    // tag::publish[]
    /**
     * Publishes, and completes with the notification's id; or fails as the broker says (not stored,
     * or not known). {@code key}, when not null, makes a retry of the same publish a no-op.
     */
    CompletionStage<Long> publish(Draft draft, String key) {
        Stored stored = new Stored(draft.topic(), draft.title(), draft.body(), draft.level(),
                clock.instant().toString());
        Entry entry = new Entry(FEED, List.of(draft.topic(), ALL), keepPerTopic,
                Json.write(stored), key);
        return broker.append(entry).thenApply(id -> {
            Metrics.counter("notifications.published").increment();
            return id;
        });
    }

    // Every published notification comes here, numbered, in the order of the ids, on every
    // instance.
    @Override
    public void logged(Logged logged) {
        Stored stored = readable(logged);
        if (stored == null) {
            return;
        }
        Logged notification = stored.numbered(logged.id()); // written once, for every subscriber
        int delivered = 0;
        synchronized (lock) {
            newest = Math.max(newest, logged.id());
            for (Subscription subscription : subscribers.values()) {
                if (subscription.wants(stored.topic())
                        && subscription.catchUp.live(notification)) {
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
     * what it missed since, or a gap notice if some of that is gone; with 0, everything kept; with
     * -1, only what is new. Then it is told "subscribed", before anything new goes out.
     */
    void subscribe(Subscriber subscriber, Set<String> wanted, long after) {
        Subscription subscription;
        // Asked outside the lock: the broker calls logged() under a lock of its own.
        long seen = broker.newest(FEED);
        synchronized (lock) {
            // "From now on" is from the newest id this instance has seen, here or in the broker.
            CatchUp catchUp = after < 0
                    ? CatchUp.fromNow(Math.max(newest, seen), subscriber::notification)
                    : CatchUp.after(after, subscriber::notification);
            subscription = new Subscription(wanted, catchUp);
            subscribers.put(subscriber, subscription);
            if (after < 0) {
                tellSubscribed(subscriber, subscription);
                return;
            }
        }
        catchUp(subscriber, subscription, after);
    }
    // end::subscribe[]

    // Read outside the lock (the broker may be Redis, across the network); what arrives meanwhile
    // waits in the subscription, and goes out after it, each once.
    private void catchUp(Subscriber subscriber, Subscription subscription, long after) {
        read(subscription.wanted, after).whenComplete((missed, unreadable) -> {
            boolean readable = unreadable == null;
            Kept kept = readable ? missed : new Kept(List.of(), true);
            Long readAgainFrom = null;
            synchronized (lock) {
                if (subscribers.get(subscriber) != subscription) {
                    return; // gone meanwhile
                }
                if (kept.gap()) {
                    String reason = readable
                            ? "Some notifications after " + after + " are no longer kept"
                            : "What came after " + after
                                    + " can't be read just now: some may be missing";
                    subscriber.gap(Json.write(new HubMessage.Gap(after, reason)));
                }
                Metrics.counter("notifications.delivered")
                        .increment(subscription.catchUp.caughtUp(kept.messages()));
                if (!subscription.catchUp.isCaughtUp()) {
                    readAgainFrom = subscription.catchUp.lastSent();
                } else if (!subscription.told) { // not again after a catch-up the broker asks
                    tellSubscribed(subscriber, subscription);
                }
            }
            if (readAgainFrom != null) {
                catchUp(subscriber, subscription, readAgainFrom);
            }
        });
    }

    /** Step 6: the feed may have passed this instance by; every subscriber reads what it missed. */
    @Override
    public void lostTrack() {
        List<Runnable> again = new ArrayList<>();
        synchronized (lock) {
            subscribers.forEach((subscriber, subscription) -> {
                if (subscription.catchUp.catchUpAgain()) {
                    long from = subscription.catchUp.lastSent();
                    again.add(() -> catchUp(subscriber, subscription, from));
                }
            });
        }
        again.forEach(Runnable::run); // outside the lock: each reads the broker
    }

    /**
     * New topics, from now on. "subscribed" answers at once, or at the end of the first catch-up
     * if it is still under way.
     */
    void change(Subscriber subscriber, Set<String> wanted) {
        synchronized (lock) {
            Subscription subscription = subscribers.get(subscriber);
            if (subscription != null) {
                subscription.wanted = wanted;
                if (subscription.told) {
                    tellSubscribed(subscriber, subscription);
                }
            }
        }
    }

    void unsubscribe(Subscriber subscriber) {
        synchronized (lock) {
            subscribers.remove(subscriber);
        }
    }

    // What the logs of these topics keep after the id, as subscribers receive it, each id once.
    private CompletionStage<Kept> read(Set<String> wanted, long after) {
        // One read of every log at one moment: read one by one, an append landing between two
        // reads could send a later id before an earlier one, and the earlier would be dropped.
        List<String> logs = wanted.contains(ALL) ? List.of(ALL) : List.copyOf(wanted);
        return broker.read(FEED, logs, after).thenApply(kept -> new Kept(kept.messages().stream()
                .map(logged -> {
                    Stored stored = readable(logged);
                    return stored == null ? null : stored.numbered(logged.id());
                })
                .filter(notification -> notification != null).toList(), kept.gap()));
    }

    // Under the lock: from here on, everything new on these topics.
    private static void tellSubscribed(Subscriber subscriber, Subscription subscription) {
        subscription.told = true;
        subscriber.subscribed(Json.write(new HubMessage.Subscribed(subscription.wanted)));
    }

    // Another version of the app may store what this one can't read: logged and skipped.
    private static Stored readable(Logged logged) {
        try {
            return Json.read(logged.message(), Stored.class);
        } catch (IllegalArgumentException unreadable) {
            log.warn("Skipped a notification this instance can't read: {}",
                    Printable.of(unreadable.getMessage()));
            return null;
        }
    }
}
