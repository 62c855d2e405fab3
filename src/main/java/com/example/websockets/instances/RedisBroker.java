package com.example.websockets.instances;

import com.example.websockets.broker.Broker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6: the broker of several instances, through Redis with Lettuce. Published messages go
 * through Redis' publish/subscribe, at most once: while Redis is away they reach this instance's
 * own clients only (counted as {@code broker.messages.unshared}). Appended messages go into Redis
 * Streams ({@link RedisLogs}), and every instance reads its feeds from there ({@link RedisFeeds}):
 * a dropped connection loses none of them. Once started, no call waits on a thread of the app's.
 */
public final class RedisBroker implements Broker {

    private static final Logger log = LoggerFactory.getLogger(RedisBroker.class);
    // How long a command may go unanswered: then the future fails, and no thread ever waited.
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final String url;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> subscriptions;
    private final StatefulRedisConnection<String, String> feedReads;
    private final RedisLogs logs;
    private final RedisFeeds feeds;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> appended = new ConcurrentHashMap<>();
    private final AtomicBoolean shared = new AtomicBoolean(true);
    private volatile boolean closing;

    /** {@code url}: as logs may show it, without its password. */
    private RedisBroker(String url, ClientResources resources, RedisClient client) {
        this.url = url;
        this.resources = resources;
        this.client = client;
        this.commands = client.connect();
        this.subscriptions = client.connectPubSub();
        this.feedReads = client.connect();
        this.logs = new RedisLogs(commands.async(), url);
        this.feeds = new RedisFeeds(feedReads, logs::lost, url);
        subscriptions.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                deliverHere(channel, message);
            }
        });
        resources.eventBus().get().subscribe(event -> {
            if (event instanceof ConnectionDeactivatedEvent) {
                lost();
            } else if (event instanceof ConnectionActivatedEvent) {
                back();
            }
        });
    }

    /**
     * Connects, or fails with a message that names the URL: a Redis that is set but absent is a
     * mistake.
     */
    public static RedisBroker connect(String url) {
        // Reconnect attempts back off from 0.1 s to 10 s, each at a random point below its
        // ceiling, so that the instances of a fleet don't all knock on a Redis that has just come
        // back at once.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(10),
                        100, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        RedisClient client = RedisClient.create(resources, uri);
        // Refuse commands while disconnected, and past 10,000 waiting, instead of queueing
        // without bound.
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(10_000)
                .timeoutOptions(TimeoutOptions.enabled())
                .build());
        try {
            RedisBroker broker = new RedisBroker(shown(url), resources, client);
            log.info("Sharing messages with every instance through Redis at {}", shown(url));
            return broker;
        } catch (RedisConnectionException e) {
            client.shutdown();
            resources.shutdown();
            throw new IllegalStateException("Could not reach Redis at " + shown(url)
                    + " (REDIS_URL): " + e.getMessage()
                    + ". Start Redis, or unset REDIS_URL to run a single instance.", e);
        }
    }

    // tag::redis[]
    @Override
    public void publish(String channel, String message) {
        if (!shared.get()) {
            unshared(channel, message);
            return;
        }
        commands.async().publish(channel, message).whenComplete((instances, failure) -> {
            if (failure != null) {
                unshared(channel, message);
            }
        });
    }

    @Override
    public void subscribe(String channel, Consumer<String> onMessage) {
        subscribers.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(onMessage);
        subscriptions.sync().subscribe(channel);
    }

    @Override
    public CompletionStage<Long> append(Entry entry) {
        AtomicLong mine = appended.computeIfAbsent(entry.feed(), feed -> new AtomicLong());
        long seen = Math.max(feeds.seen(entry.feed()), mine.get());
        return logs.append(entry, seen).thenApply(id -> {
            mine.accumulateAndGet(id, Math::max);
            return id;
        });
    }
    // end::redis[]

    @Override
    public void follow(String feed, Follower follower) {
        feeds.follow(feed, follower);
    }

    @Override
    public long newest(String feed) {
        return Math.max(feeds.seen(feed), appended.getOrDefault(feed, new AtomicLong()).get());
    }

    @Override
    public CompletionStage<Kept> read(String feed, List<String> logs, long after) {
        return this.logs.read(feed, logs, after);
    }

    @Override
    public void close() {
        closing = true;
        feeds.stop();
        subscriptions.close();
        feedReads.close();
        commands.close();
        client.shutdown();
        resources.shutdown();
    }

    /** The URL as logs and messages show it: a password in it is never printed. */
    static String shown(String url) {
        return url.replaceFirst("://[^/@]*@", "://***@");
    }

    private void deliverHere(String channel, String message) {
        subscribers.getOrDefault(channel, List.of())
                .forEach(subscriber -> subscriber.accept(message));
    }

    private void unshared(String channel, String message) {
        Metrics.counter("broker.messages.unshared").increment();
        deliverHere(channel, message);
    }

    private void lost() {
        if (!closing && shared.compareAndSet(true, false)) {
            log.warn("Lost Redis at {}: until it is back, messages reach this instance's own"
                    + " clients only", url);
        }
    }

    private void back() {
        if (commands.isOpen() && subscriptions.isOpen() && shared.compareAndSet(false, true)) {
            log.info("Redis at {} is back: messages reach every instance again", url);
        }
    }
}
