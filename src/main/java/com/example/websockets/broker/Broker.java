package com.example.websockets.broker;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Steps 4 and 5 hand their messages to a broker. It carries two kinds: messages that matter only
 * now (typing, presence, a private word), published at most once; and messages worth keeping (a
 * room's, a notification), which it numbers, keeps in a few logs for those who catch up, and
 * hands to every follower in the order of their ids. In one process it is {@link #local()};
 * step 6 plugs in one that goes through Redis to every instance of the app.
 */
// tag::broker[]
public interface Broker extends AutoCloseable {

    /**
     * Hands {@code message} to every subscriber of {@code channel}, on every instance: at most
     * once.
     */
    void publish(String channel, String message);

    void subscribe(String channel, Consumer<String> onMessage);

    /**
     * Numbers the entry's message with its feed's next id, keeps it as the newest of each of its
     * logs, and hands it to every follower of the feed. Completes with the id; or fails with
     * {@link Unavailable} (nothing was stored) or {@link Uncertain} (it may have been). An entry
     * whose key was used recently (15 minutes in Redis, the last 10,000 in memory) is not stored
     * again: it completes with the first id.
     */
    CompletionStage<Long> append(Entry entry);

    /** {@code follower} gets every message of {@code feed}, each once, in the order of the ids. */
    void follow(String feed, Follower follower);

    /**
     * What {@code logs} of {@code feed} still keep after id {@code after}, read at one moment, each
     * id once and in order; and whether some that came after it is gone.
     */
    CompletionStage<Kept> read(String feed, List<String> logs, long after);

    /** The newest id of {@code feed} this instance has seen: where "from now on" starts. */
    long newest(String feed);
    // end::broker[]

    @Override
    void close();

    /**
     * At most this many logs per feed: past it, the least recently written goes, and is
     * remembered as gone.
     */
    int MAX_LOGS = 1000;

    /** Dropped logs remembered by name, so that a reader from before one is told of its gap. */
    int MAX_DROPPED = 10 * MAX_LOGS;

    /**
     * A message for a feed, to keep in each of {@code logs} (their latest {@code keep});
     * {@code key} may be null.
     */
    record Entry(String feed, List<String> logs, int keep, String message, String key) {
    }

    /** A message of a feed, with the id it was numbered with. */
    record Logged(long id, String message) {
    }

    /**
     * A log's messages after an id, oldest first, and whether some that came after that id are
     * gone.
     */
    record Kept(List<Logged> messages, boolean gap) {
    }

    /** Who follows a feed. */
    interface Follower {

        void logged(Logged message);

        /**
         * Messages may have passed this instance by (its connection dropped, or Redis forgot some):
         * each subscriber should read what it missed from the logs before it goes on.
         */
        void lostTrack();
    }

    /** What a future failed with: the cause a {@code CompletionException} wraps, if it does. */
    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    /** Nothing was stored: the broker can't be reached. Try again later. */
    final class Unavailable extends IllegalStateException {
        public Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * No answer in time: the message may have been stored or not. Retry with the same key to be
     * sure.
     */
    final class Uncertain extends IllegalStateException {
        public Uncertain(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** Everything in this process: what steps 4 and 5 use on one server. */
    static Broker local() {
        return local(Clock.systemUTC());
    }

    /**
     * Ids follow the clock (its milliseconds times 1,000, at least), so a restarted app's ids
     * follow the old ones.
     */
    static Broker local(Clock clock) {
        return new LocalBroker(clock);
    }
}
