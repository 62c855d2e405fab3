package com.example.websockets.testing;

import com.example.websockets.broker.Broker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.function.Consumer;

/**
 * Steps 4 to 6 in tests: the local broker, with two hands a test holds. It can tell every
 * follower of a feed that it lost track (what a Redis hiccup does), and it can hold reads until
 * the test lets them go, and the feed's deliveries likewise, to open the moments between a read
 * and its answer, or between an append and its delivery (Redis takes a while to hand it back).
 */
public final class HeldBroker implements Broker {

    private final Broker local = Broker.local();
    private final Map<String, List<Follower>> followers = new ConcurrentHashMap<>();
    private volatile CountDownLatch held;
    private final List<Runnable> heldDeliveries = new ArrayList<>();
    private boolean feedHeld;
    private final AtomicInteger waiting = new AtomicInteger();

    @Override
    public void publish(String channel, String message) {
        local.publish(channel, message);
    }

    @Override
    public void subscribe(String channel, Consumer<String> onMessage) {
        local.subscribe(channel, onMessage);
    }

    @Override
    public CompletionStage<Long> append(Entry entry) {
        return local.append(entry);
    }

    @Override
    public void follow(String feed, Follower follower) {
        followers.computeIfAbsent(feed, any -> new CopyOnWriteArrayList<>()).add(follower);
        local.follow(feed, new Follower() {
            @Override
            public void logged(Logged message) {
                deliver(() -> follower.logged(message));
            }

            @Override
            public void lostTrack() {
                deliver(follower::lostTrack);
            }
        });
    }

    private void deliver(Runnable delivery) {
        synchronized (heldDeliveries) {
            if (feedHeld) {
                heldDeliveries.add(delivery);
                return;
            }
        }
        delivery.run();
    }

    /** What is appended from now on reaches the followers only at {@link #releaseFeed()}. */
    public void holdFeed() {
        synchronized (heldDeliveries) {
            feedHeld = true;
        }
    }

    public void releaseFeed() {
        List<Runnable> deliveries;
        synchronized (heldDeliveries) {
            feedHeld = false;
            deliveries = new ArrayList<>(heldDeliveries);
            heldDeliveries.clear();
        }
        deliveries.forEach(Runnable::run);
    }

    /** Reads wait, on the thread that asks, until {@link #letGo()}; at most ten seconds. */
    @Override
    public CompletionStage<Kept> read(String feed, List<String> logs, long after) {
        CountDownLatch latch = held;
        if (latch != null) {
            waiting.incrementAndGet();
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
        return local.read(feed, logs, after);
    }

    @Override
    public long newest(String feed) {
        return local.newest(feed);
    }

    public void holdReads() {
        held = new CountDownLatch(1);
    }

    /** Returns once a read waits in {@link #read}. */
    public void awaitAHeldRead() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> waiting.get() > 0);
    }

    public void letGo() {
        CountDownLatch latch = held;
        held = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** What a follower hears when Redis dropped its subscription: read what you missed. */
    public void loseTrack(String feed) {
        followers.getOrDefault(feed, List.of()).forEach(Follower::lostTrack);
    }

    @Override
    public void close() {
        letGo();
        local.close();
    }
}
