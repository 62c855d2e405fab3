package com.example.websockets.instances;

import com.example.websockets.broker.Broker.Follower;
import com.example.websockets.broker.Broker.Logged;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6: reads every followed feed from Redis, on a thread and a connection of its own, from the
 * last id this instance saw. A dropped connection costs nothing: the next read goes on from there.
 * Each message names the id before it in the feed, so when the two don't meet, messages passed
 * this instance by (the feed was trimmed meanwhile), or Redis went back to an older snapshot, and
 * the followers are told to catch up from the logs.
 */
final class RedisFeeds implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RedisFeeds.class);
    private static final Duration BLOCK = Duration.ofSeconds(1);

    /** One followed feed: who follows it, and the newest id seen. */
    private static final class Feed {
        final List<Follower> followers = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile long seen;
    }

    private final StatefulRedisConnection<String, String> connection;
    private final BiConsumer<String, Long> lost;
    private final String url;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Thread reader = new Thread(this, "redis-feeds");
    private volatile boolean running = true;

    RedisFeeds(StatefulRedisConnection<String, String> connection, BiConsumer<String, Long> lost,
            String url) {
        this.connection = connection;
        this.lost = lost;
        this.url = url;
        reader.setDaemon(true);
    }

    /** Follows {@code name} from its newest message on. */
    void follow(String name, Follower follower) {
        Feed feed = feeds.computeIfAbsent(name, key -> {
            Feed fresh = new Feed();
            List<StreamMessage<String, String>> newest = connection.sync().xrevrange(key + ":feed",
                    Range.create("-", "+"), io.lettuce.core.Limit.from(1));
            fresh.seen = newest.isEmpty() ? 0 : RedisLogs.id(newest.get(0).getId());
            return fresh;
        });
        feed.followers.add(follower);
        if (!reader.isAlive()) {
            reader.start();
        }
    }

    /** The newest id of {@code name} this instance has seen: Redis compares it with its own. */
    long seen(String name) {
        Feed feed = feeds.get(name);
        return feed == null ? 0 : feed.seen;
    }

    void stop() {
        running = false;
        reader.interrupt();
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            try {
                read(connection.sync());
                if (failures > 0) {
                    log.info("Reading the feeds from Redis at {} again, from where this instance"
                            + " left off", url);
                }
                failures = 0;
            } catch (RuntimeException redisAway) {
                if (!running) {
                    return;
                }
                if (failures++ == 0) {
                    log.warn("Can't read the feeds from Redis at {}: trying again, then going on"
                            + " from where it left off", url);
                }
                pause(failures);
            }
        }
    }

    // tag::follow[]
    private void read(RedisCommands<String, String> redis) {
        @SuppressWarnings("unchecked")
        StreamOffset<String>[] offsets = feeds.entrySet().stream()
                .map(feed ->
                        StreamOffset.from(feed.getKey() + ":feed", feed.getValue().seen + "-0"))
                .toArray(StreamOffset[]::new);
        for (StreamMessage<String, String> message :
                redis.xread(XReadArgs.Builder.block(BLOCK).count(1000), offsets)) {
            String name = message.getStream()
                    .substring(0, message.getStream().length() - ":feed".length());
            Feed feed = feeds.get(name);
            long id = RedisLogs.id(message.getId());
            long before = Long.parseLong(message.getBody().get("p"));
            if (before < feed.seen) {
                lost.accept(name, feed.seen); // Redis is behind what this instance saw: it
                                              // lost the rest
            }
            if (before != feed.seen) {
                feed.followers.forEach(follower -> tell(follower, Follower::lostTrack));
            }
            feed.seen = id;
            Logged logged = new Logged(id, message.getBody().get("m"));
            feed.followers.forEach(follower -> tell(follower, each -> each.logged(logged)));
        }
    }
    // end::follow[]

    // A follower that fails is a bug of its own, not Redis going away: the others go on.
    private static void tell(Follower follower, Consumer<Follower> what) {
        try {
            what.accept(follower);
        } catch (RuntimeException failed) {
            log.warn("A follower of a feed failed", failed);
        }
    }

    // A full jitter from 0.1 s up to 10 s, so that a fleet doesn't knock on a Redis that came
    // back at once.
    private void pause(int failures) {
        long ceiling = Math.min(10_000, 100L << Math.min(failures, 7));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, ceiling + 1));
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
