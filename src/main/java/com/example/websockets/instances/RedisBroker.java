package com.example.websockets.instances;

import com.example.websockets.broker.Broker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6: the broker of several instances, Redis publish/subscribe through Lettuce. An instance
 * also hears its own messages back from Redis, so every instance delivers in the one order Redis
 * gives. While Redis is away, messages reach this instance's own clients only (counted as
 * {@code broker.messages.unshared}); Lettuce reconnects and subscribes again by itself.
 */
public final class RedisBroker implements Broker {

    private static final Logger log = LoggerFactory.getLogger(RedisBroker.class);
    private static final String LOGS = "broker:logs";
    private static final String DROPPED = "broker:dropped";

    private final String url;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> subscriptions;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private final AtomicBoolean shared = new AtomicBoolean(true);
    private volatile boolean closing;

    private RedisBroker(String url, ClientResources resources, RedisClient client) {
        this.url = url;
        this.resources = resources;
        this.client = client;
        this.commands = client.connect();
        this.subscriptions = client.connectPubSub();
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

    /** Connects, or fails with a message that names the URL: a Redis that is set but absent is a mistake. */
    public static RedisBroker connect(String url) {
        // Reconnect attempts back off from 0.1 s to 10 s, each at a random point below its ceiling, so
        // that the instances of a fleet don't all knock on a Redis that has just come back at once.
        ClientResources resources = ClientResources.builder()
                .reconnectDelay(Delay.fullJitter(Duration.ofMillis(100), Duration.ofSeconds(10), 100, TimeUnit.MILLISECONDS))
                .build();
        RedisURI uri = RedisURI.create(url);
        // A Redis that hangs must not hold a socket handler's thread for Lettuce's default minute.
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(resources, uri);
        // Refuse commands while disconnected instead of queueing them without bound.
        client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(10_000).build());
        try {
            RedisBroker broker = new RedisBroker(url, resources, client);
            log.info("Sharing messages with every instance through Redis at {}", url);
            return broker;
        } catch (RedisConnectionException e) {
            client.shutdown();
            resources.shutdown();
            throw new IllegalStateException("Could not reach Redis at " + url + " (REDIS_URL): " + e.getMessage()
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
    // end::redis[]

    // tag::redis-log[]
    // One script, which Redis runs without interleaving anything else: number, keep, publish.
    // KEYS: the sequence, the index of logs by last id, the newest id of a dropped log, then the logs.
    private static final String APPEND = """
            if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('SET', KEYS[1], ARGV[3]) end
            local id = redis.call('INCR', KEYS[1])
            -- Lua numbers are doubles, and .. would print a large one as 1.79e+15
            local text = string.format('%d', id)
            for i = 4, #KEYS do
              if redis.call('XLEN', KEYS[i]) >= tonumber(ARGV[2]) then
                local oldest = redis.call('XRANGE', KEYS[i], '-', '+', 'COUNT', 1)
                redis.call('SET', KEYS[i] .. ':trimmed', string.match(oldest[1][1], '^(%d+)'))
              end
              redis.call('XADD', KEYS[i], 'MAXLEN', ARGV[2], text .. '-0', 'm', ARGV[1])
              redis.call('ZADD', KEYS[2], text, KEYS[i])
            end
            -- At most ARGV[5] logs: the least recently written go, and their last id is remembered.
            while redis.call('ZCARD', KEYS[2]) > tonumber(ARGV[5]) do
              local dropped = redis.call('ZPOPMIN', KEYS[2])
              redis.call('DEL', dropped[1], dropped[1] .. ':trimmed')
              if tonumber(dropped[2]) > tonumber(redis.call('GET', KEYS[3]) or '0') then
                redis.call('SET', KEYS[3], dropped[2])
              end
            end
            redis.call('PUBLISH', ARGV[4], text .. ' ' .. ARGV[1])
            return id
            """;

    @Override
    public long append(String sequence, List<String> logs, int keep, String channel, String message) {
        List<String> keys = new ArrayList<>(List.of(sequence, LOGS, DROPPED));
        keys.addAll(logs);
        // A sequence Redis has never seen starts at the time, so ids after a Redis restart follow the old ones.
        String start = String.valueOf(System.currentTimeMillis() * 1000);
        try {
            Long id = commands.sync().eval(APPEND, ScriptOutputType.INTEGER, keys.toArray(String[]::new),
                    message, String.valueOf(keep), start, channel, String.valueOf(MAX_LOGS));
            return id;
        } catch (RedisException unavailable) {
            throw new IllegalStateException("Redis at " + url + " can't be reached", unavailable);
        }
    }

    @Override
    public Kept read(String log, long after) {
        try {
            List<Logged> kept = commands.sync().xrange(log, Range.create((after + 1) + "-0", "+")).stream()
                    .map(entry -> new Logged(Long.parseLong(entry.getId().split("-")[0]), entry.getBody().get("m")))
                    .toList();
            // The newest id this log lost to trimming, and the newest of any log dropped: one round trip.
            boolean gap = commands.sync().mget(log + ":trimmed", DROPPED).stream()
                    .anyMatch(lost -> lost.hasValue() && after < Long.parseLong(lost.getValue()));
            return new Kept(kept, after > 0 && gap);
        } catch (RedisException unavailable) {
            throw new IllegalStateException("Redis at " + url + " can't be reached", unavailable);
        }
    }
    // end::redis-log[]

    @Override
    public void close() {
        closing = true;
        subscriptions.close();
        commands.close();
        client.shutdown();
        resources.shutdown();
    }

    private void deliverHere(String channel, String message) {
        subscribers.getOrDefault(channel, List.of()).forEach(subscriber -> subscriber.accept(message));
    }

    private void unshared(String channel, String message) {
        Metrics.counter("broker.messages.unshared").increment();
        deliverHere(channel, message);
    }

    private void lost() {
        if (!closing && shared.compareAndSet(true, false)) {
            log.warn("Lost Redis at {}: until it is back, messages reach this instance's own clients only", url);
        }
    }

    private void back() {
        if (commands.isOpen() && subscriptions.isOpen() && shared.compareAndSet(false, true)) {
            log.info("Redis at {} is back: messages reach every instance again", url);
        }
    }
}
