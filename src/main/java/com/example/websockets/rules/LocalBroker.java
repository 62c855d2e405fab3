package com.example.websockets.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Step 6: the broker of a single instance. Publishing calls each subscriber at once, on the publisher's thread. */
final class LocalBroker implements Broker {

    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

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

    @Override
    public void close() {
        subscribers.clear();
    }
}
