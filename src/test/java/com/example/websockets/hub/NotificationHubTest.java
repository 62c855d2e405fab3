package com.example.websockets.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.websockets.broker.Broker;
import com.example.websockets.broker.Broker.Logged;
import com.example.websockets.testing.HeldBroker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hub's bookkeeping on its own: catch-up, gaps, and the bound on how many topics it keeps. */
class NotificationHubTest {

    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    /**
     * Records what the hub hands it: "n <id>" for a notification, "gap" for a gap notice; and
     * counts "subscribed".
     */
    private static final class Recorder implements Subscriber {
        final List<String> got = new ArrayList<>();
        final AtomicInteger subscribed = new AtomicInteger();

        @Override
        public void notification(Logged notification) {
            got.add("n " + notification.id());
        }

        @Override
        public void gap(String json) {
            got.add("gap");
        }

        @Override
        public void subscribed(String json) {
            subscribed.incrementAndGet();
        }
    }

    private static long publish(NotificationHub hub, Draft draft) {
        return hub.publish(draft, null).toCompletableFuture().join();
    }

    private static Draft draft(String topic) {
        return new Draft(topic, "t", "", "info");
    }

    @Test
    void a_subscriber_after_zero_gets_everything_kept_without_a_gap_notice() {
        NotificationHub hub = new NotificationHub(Broker.local(CLOCK), 2, CLOCK);
        long first = publish(hub, draft("a"));
        publish(hub, draft("a"));
        publish(hub, draft("a"));
        Recorder recorder = new Recorder();
        hub.subscribe(recorder, Set.of("a"), 0);
        assertEquals(List.of("n " + (first + 1), "n " + (first + 2)), recorder.got);
    }

    @Test
    void ids_of_a_restarted_hub_follow_the_old_ones_and_an_old_after_gets_a_gap_notice() {
        Clock later = Clock.offset(CLOCK, java.time.Duration.ofSeconds(5));
        NotificationHub before = new NotificationHub(Broker.local(CLOCK), 10, CLOCK);
        long old = publish(before, draft("a"));
        NotificationHub after = new NotificationHub(Broker.local(later), 10, later);
        long next = publish(after, draft("a"));
        assertTrue(next > old, next + " > " + old);
        Recorder recorder = new Recorder();
        after.subscribe(recorder, Set.of("a"), old);
        assertEquals(List.of("gap", "n " + next), recorder.got);
    }

    @Test
    void past_the_topic_limit_the_least_recent_topic_is_forgotten_and_its_subscribers_told() {
        NotificationHub hub = new NotificationHub(Broker.local(CLOCK), 10, CLOCK);
        long seen = publish(hub, draft("first"));
        publish(hub, draft("first"));
        for (int i = 0; i < 1000; i++) { // the in-process broker keeps 1,000 logs
            publish(hub, draft("t" + i));
        }
        Recorder recorder = new Recorder();
        hub.subscribe(recorder, Set.of("first"), seen);
        assertEquals(List.of("gap"), recorder.got, "its notifications are gone, and it is told so");
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, 0})
    void a_catch_up_the_broker_asks_for_does_not_say_subscribed_again(long after) {
        HeldBroker broker = new HeldBroker();
        NotificationHub hub = new NotificationHub(broker, 10, Clock.systemUTC());
        Recorder recorder = new Recorder();
        hub.subscribe(recorder, Set.of("a"), after);
        long first = publish(hub, draft("a"));
        broker.loseTrack(NotificationHub.FEED); // as when Redis dropped this instance
        long second = publish(hub, draft("a"));
        assertEquals(List.of("n " + first, "n " + second), recorder.got);
        assertEquals(1, recorder.subscribed.get(), "\"subscribed\" went out once");
    }

    @Test
    void a_subscriber_that_changes_its_topics_while_it_catches_up_gets_the_rest_all_the_same()
            throws Exception {
        HeldBroker broker = new HeldBroker();
        NotificationHub hub = new NotificationHub(broker, 10, Clock.systemUTC());
        long missed = publish(hub, draft("a"));
        Recorder recorder = new Recorder();
        broker.holdReads();
        Thread subscribing = new Thread(() -> hub.subscribe(recorder, Set.of("a"), 0));
        subscribing.start();
        broker.awaitAHeldRead();
        hub.change(recorder, Set.of("a", "b"));
        broker.letGo();
        subscribing.join();
        long live = publish(hub, draft("b"));
        assertEquals(List.of("n " + missed, "n " + live), recorder.got);
        assertEquals(1, recorder.subscribed.get(), "\"subscribed\" went out once");
    }

    @Test
    void from_now_on_starts_after_what_this_instance_published_even_before_the_feed_brings_it() {
        HeldBroker broker = new HeldBroker();
        NotificationHub hub = new NotificationHub(broker, 10, Clock.systemUTC());
        broker.holdFeed(); // Redis hands an append back a moment after it answers
        long before = publish(hub, draft("a"));
        Recorder recorder = new Recorder();
        hub.subscribe(recorder, Set.of("a"), -1);
        broker.releaseFeed();
        long after = publish(hub, draft("a"));
        assertEquals(List.of("n " + after), recorder.got, before + " came before it subscribed");
    }

    @Test
    void a_subscriber_that_leaves_while_being_sent_to_does_not_stop_the_others() {
        NotificationHub hub = new NotificationHub(Broker.local(CLOCK), 10, CLOCK);
        // As a socket whose send fails: Jetty closes it at once, and its onClose unsubscribes it.
        Subscriber leaving = new Subscriber() {
            @Override
            public void notification(Logged notification) {
                hub.unsubscribe(this);
            }

            @Override
            public void gap(String json) {
            }

            @Override
            public void subscribed(String json) {
            }
        };
        Recorder before = new Recorder();
        Recorder after = new Recorder();
        hub.subscribe(before, Set.of("a"), -1);
        hub.subscribe(leaving, Set.of("a"), -1);
        hub.subscribe(after, Set.of("a"), -1);
        long id = publish(hub, draft("a"));
        assertEquals(List.of("n " + id), before.got);
        assertEquals(List.of("n " + id), after.got);
    }
}
