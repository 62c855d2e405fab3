package com.example.websockets.broker;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Steps 4 and 5: the broker of a single instance, the default. Publishing calls each subscriber
 * at once, on the publisher's thread, and each feed is a {@link LocalFeed} in memory. Nothing can
 * be lost between here and a follower, so it never loses track; a restarted app starts new feeds,
 * whose first id says so.
 */
final class LocalBroker implements Broker {

    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, LocalFeed> feeds = new ConcurrentHashMap<>();
    private final Clock clock;

    LocalBroker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void publish(String channel, String message) {
        subscribers.getOrDefault(channel, List.of())
                .forEach(subscriber -> subscriber.accept(message));
    }

    @Override
    public void subscribe(String channel, Consumer<String> onMessage) {
        subscribers.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(onMessage);
    }

    // tag::local[]
    @Override
    public CompletionStage<Long> append(Entry entry) {
        return CompletableFuture.completedFuture(
                feed(entry.feed()).append(entry, clock.millis() * 1000));
    }
    // end::local[]

    @Override
    public void follow(String feed, Follower follower) {
        feed(feed).follow(follower);
    }

    @Override
    public CompletionStage<Kept> read(String feed, List<String> logs, long after) {
        return CompletableFuture.completedFuture(feed(feed).read(logs, after));
    }

    @Override
    public long newest(String feed) {
        return feed(feed).newest();
    }

    @Override
    public void close() {
        subscribers.clear();
    }

    private LocalFeed feed(String name) {
        return feeds.computeIfAbsent(name, ignored -> new LocalFeed());
    }
}
