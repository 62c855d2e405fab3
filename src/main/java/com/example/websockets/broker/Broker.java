package com.example.websockets.broker;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Steps 4 and 5 hand their messages to a broker, which numbers them, keeps the latest of each
 * log for those who catch up, and carries them to every subscriber. In one process it is
 * {@link #local()}; step 6 plugs in one that goes through Redis to every instance of the app.
 */
// tag::broker[]
public interface Broker extends AutoCloseable {

    /** Logs kept in all; past it, the least recently written goes, and reads from before it see a gap. */
    int MAX_LOGS = 1000;

    /** Hands {@code message} to every subscriber of {@code channel}, on every instance. */
    void publish(String channel, String message);

    /** {@code onMessage} gets every message published to {@code channel}, by any instance. */
    void subscribe(String channel, Consumer<String> onMessage);

    /**
     * In one step: numbers {@code message} with the next id of {@code sequence}, keeps it as the
     * newest of each of {@code logs} (each keeps its latest {@code keep}), and publishes
     * "{@code <id> <message>}" on {@code channel}, so every subscriber sees ids in increasing order.
     * Answers the id; fails with an IllegalStateException when the broker can't be reached.
     */
    long append(String sequence, List<String> logs, int keep, String channel, String message);

    /** What {@code log} still keeps after id {@code after}, oldest first; fails like {@link #append}. */
    Kept read(String log, long after);

    @Override
    void close();
    // end::broker[]

    /** A message of a log, with the id it was numbered with. */
    record Logged(long id, String message) {

        /** Reads what {@link #append} published: "{@code <id> <message>}". */
        public static Logged parse(String numbered) {
            int space = numbered.indexOf(' ');
            return new Logged(Long.parseLong(numbered.substring(0, space)), numbered.substring(space + 1));
        }
    }

    /** A log's messages after an id, and whether some that came after that id are no longer kept. */
    record Kept(List<Logged> messages, boolean gap) {
    }

    /** Everything in this process: what the chapter's steps did all along. */
    static Broker local() {
        return local(Clock.systemUTC());
    }

    /** Ids start at the start time in milliseconds times 1,000: a restarted app's ids follow the last ones. */
    static Broker local(Clock clock) {
        return new LocalBroker(clock);
    }
}
