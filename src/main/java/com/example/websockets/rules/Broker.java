package com.example.websockets.rules;

import java.util.function.Consumer;

/**
 * Step 6 of CHAPTER.md, "When one server is not enough": how a broadcast reaches the clients of
 * every instance of the app. In one process it is a method call ({@link #local()}); with
 * {@code REDIS_URL} set, Redis' publish/subscribe carries it to every instance, this one included.
 */
// tag::broker[]
public interface Broker extends AutoCloseable {

    /** Hands {@code message} to every subscriber of {@code channel}, on every instance. */
    void publish(String channel, String message);

    /** {@code onMessage} gets every message published to {@code channel}, by any instance. */
    void subscribe(String channel, Consumer<String> onMessage);

    @Override
    void close();
    // end::broker[]

    /** Everything in this process: what the chapter's steps did all along. */
    static Broker local() {
        return new LocalBroker();
    }

    /** Redis when {@code REDIS_URL} is set, else local; a Redis that can't be reached stops the start. */
    static Broker from(Settings settings) {
        return settings.redisUrl().isEmpty() ? local() : RedisBroker.connect(settings.redisUrl());
    }
}
