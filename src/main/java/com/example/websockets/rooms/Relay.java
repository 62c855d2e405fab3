package com.example.websockets.rooms;

import com.example.websockets.app.Json;
import com.example.websockets.app.Printable;
import com.example.websockets.broker.Broker;
import com.example.websockets.broker.Broker.Entry;
import com.example.websockets.broker.Broker.Logged;
import com.example.websockets.rooms.ServerMessage.Said;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4's line to every instance of the app, this one included, through the {@link Broker}: it
 * numbers each room's messages and keeps their history, and carries typing, private messages and
 * presence news. With the in-process broker, every instance is this one; step 6 plugs in Redis.
 */
final class Relay {

    private static final Logger log = LoggerFactory.getLogger(Relay.class);

    // One feed, one sequence for every room: ids grow within each room, and no counter is left
    // per room.
    private static final String FEED = "rooms";
    private static final String EVENTS = "rooms:events";
    private static final String PRESENCE = "rooms:presence";

    /** What arrives from the instances, messages in the order of their ids. */
    interface Listener {
        void said(Said said);

        /** The broker may have passed messages by: every tab reads what it missed. */
        void lostTrack();

        /** A {@link ServerMessage.Typing} or a {@link ServerMessage.Private}. */
        void event(ServerMessage event);

        void news(PresenceNews news);
    }

    /** A room's kept messages after an id, and whether some of those are no longer kept. */
    record History(List<Said> messages, boolean gap) {
    }

    private final Broker broker;
    private final int kept;

    Relay(Broker broker, int kept) {
        this.broker = broker;
        this.kept = kept;
    }

    void listen(Listener listener) {
        broker.follow(FEED, new Broker.Follower() {
            @Override
            public void logged(Logged message) {
                unlessUnreadable(json -> listener.said(numbered(message)))
                        .accept(message.message());
            }

            @Override
            public void lostTrack() {
                listener.lostTrack();
            }
        });
        broker.subscribe(EVENTS,
                unlessUnreadable(json -> listener.event(Json.read(json, ServerMessage.class))));
        broker.subscribe(PRESENCE,
                unlessUnreadable(json -> listener.news(Json.read(json, PresenceNews.class))));
    }

    // An instance of another version may say what this one can't read: that is logged and
    // skipped, and never reaches the broker's thread, which carries every other message too.
    private static Consumer<String> unlessUnreadable(Consumer<String> handler) {
        return message -> {
            try {
                handler.accept(message);
            } catch (IllegalStateException | IllegalArgumentException
                    | IndexOutOfBoundsException unreadable) {
                log.warn("Skipped a message from another instance: {}",
                        Printable.of(unreadable.getMessage()));
            }
        };
    }

    // tag::relay[]
    /**
     * Numbers, keeps and sends a message; completes with its id, or fails as the broker says (not
     * stored, or not known). {@code key}, when not null, makes a retry of the same message a
     * no-op.
     */
    CompletionStage<Long> say(Said unnumbered, String key) {
        String room = Names.key(unnumbered.room());
        return broker.append(new Entry(FEED, List.of(room), kept, Json.write(unnumbered), key));
    }

    /** The room's kept messages after {@code after}; fails when the broker can't be read. */
    CompletionStage<History> history(String room, long after) {
        return broker.read(FEED, List.of(Names.key(room)), after)
                .thenApply(kept -> new History(kept.messages().stream()
                        .map(Relay::readable).filter(said -> said != null).toList(), kept.gap()));
    }
    // end::relay[]

    void send(ServerMessage event) {
        broker.publish(EVENTS, Json.write(event));
    }

    void tell(PresenceNews news) {
        broker.publish(PRESENCE, Json.write(news));
    }

    private static Said readable(Logged logged) {
        try {
            return numbered(logged);
        } catch (IllegalArgumentException unreadable) {
            log.warn("Skipped a message from another instance: {}",
                    Printable.of(unreadable.getMessage()));
            return null;
        }
    }

    private static Said numbered(Logged logged) {
        Said said = Json.read(logged.message(), Said.class);
        return new Said(said.room(), logged.id(), said.sender(), said.text(), said.time());
    }
}
