package com.example.websockets.rules;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every tunable number of the app, and every limit that protects it, in one place. Each is read
 * from an environment variable; the defaults match the chapter (port 8000, a notification every
 * two seconds) and are listed in README.md.
 *
 * @param host              {@code HOST}: the network interface to listen on; loopback only by default
 * @param port              {@code PORT}: where the app listens
 * @param notifyInterval    {@code NOTIFY_INTERVAL_MS}: time between two notifications
 * @param idleTimeout       {@code IDLE_TIMEOUT_MS}: pings go out at half this; a peer that sends nothing, not
 *                          even a pong, for half this is cut off; a socket with no traffic at all this long is closed
 * @param maxMessageBytes   {@code MAX_MESSAGE_BYTES}: a bigger text message closes its socket with 1009
 * @param maxQueuedMessages {@code MAX_QUEUED_MESSAGES}: a client with more messages waiting is closed with 1013
 * @param chatRate          {@code CHAT_MESSAGES_PER_SECOND}: what one client of the chat, the rooms or the hub may send, sustained
 * @param chatBurst         {@code CHAT_MESSAGE_BURST}: what one such client may send at once
 * @param maxConnections    {@code MAX_CONNECTIONS}: open WebSockets beyond this get HTTP 503
 * @param maxPerAddress     {@code MAX_CONNECTIONS_PER_ADDRESS}: open WebSockets one client address may hold (0: no cap)
 * @param allowedOrigins    {@code ALLOWED_ORIGINS}: comma-separated origins allowed besides the app's own
 * @param allowedHosts      {@code ALLOWED_HOSTS}: comma-separated host names the app answers to besides
 *                          localhost and IP addresses
 * @param maxThreads        {@code MAX_THREADS}: Jetty's thread pool, 2 per core plus 2; no handler blocks,
 *                          so few are enough, and fewer leave the CPU to the work that is due
 * @param acceptQueue       {@code ACCEPT_QUEUE}: connects that may wait to be accepted during a burst
 * @param sessionSecret     {@code SESSION_SECRET}: the key that signs step 4's sign-in cookies; empty: a random one per start
 * @param roomHistory       {@code ROOM_HISTORY}: how many recent messages each room of step 4 keeps
 * @param stopTimeout       {@code STOP_TIMEOUT_MS}: how long a stop waits for sockets to take their 1001 close
 * @param closeGrace        {@code CLOSE_GRACE_MS}: how long a forced close waits for the client before cutting it
 * @param publishToken      {@code PUBLISH_TOKEN}: the bearer token that may publish to step 5's hub; empty: publishing is off
 * @param publishRate       {@code PUBLISH_PER_SECOND}: publishes the hub takes a second, in bursts of as many; more get 429
 * @param topicHistory      {@code TOPIC_HISTORY}: how many recent notifications step 5 keeps per topic for catching up
 * @param redisUrl          {@code REDIS_URL}: e.g. redis://localhost:6379 to share the chat with other instances; empty: one instance
 * @param presenceTimeout   {@code PRESENCE_TIMEOUT_MS}: an instance not heard from for this long is taken as gone, and
 *                          its users leave the rooms of the others; each instance says it is alive every third of it
 */
public record Settings(
        String host,
        int port,
        Duration notifyInterval,
        Duration idleTimeout,
        int maxMessageBytes,
        int maxQueuedMessages,
        int chatRate,
        int chatBurst,
        int maxConnections,
        int maxPerAddress,
        Set<String> allowedOrigins,
        Set<String> allowedHosts,
        int maxThreads,
        int acceptQueue,
        Secret sessionSecret,
        int roomHistory,
        Duration stopTimeout,
        Duration closeGrace,
        Secret publishToken,
        int publishRate,
        int topicHistory,
        String redisUrl,
        Duration presenceTimeout) {

    public static final Settings DEFAULTS = from(Map.of());

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the settings from variables such as the environment; tests pass their own. */
    public static Settings from(Map<String, String> env) {
        return new Settings(
                env.getOrDefault("HOST", "127.0.0.1").trim(),
                (int) number(env, "PORT", 8000),
                Duration.ofMillis(number(env, "NOTIFY_INTERVAL_MS", 2000)),
                Duration.ofMillis(number(env, "IDLE_TIMEOUT_MS", 30_000)),
                (int) number(env, "MAX_MESSAGE_BYTES", 64 * 1024),
                (int) number(env, "MAX_QUEUED_MESSAGES", 1024),
                (int) number(env, "CHAT_MESSAGES_PER_SECOND", 10),
                (int) number(env, "CHAT_MESSAGE_BURST", 20),
                (int) number(env, "MAX_CONNECTIONS", 20_000),
                (int) number(env, "MAX_CONNECTIONS_PER_ADDRESS", 100),
                list(env, "ALLOWED_ORIGINS"),
                list(env, "ALLOWED_HOSTS").stream().map(name -> name.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()),
                (int) number(env, "MAX_THREADS", 2 * Runtime.getRuntime().availableProcessors() + 2),
                (int) number(env, "ACCEPT_QUEUE", 4096),
                new Secret(env.getOrDefault("SESSION_SECRET", "")),
                (int) number(env, "ROOM_HISTORY", 100),
                Duration.ofMillis(number(env, "STOP_TIMEOUT_MS", 2000)),
                Duration.ofMillis(number(env, "CLOSE_GRACE_MS", 2000)),
                new Secret(env.getOrDefault("PUBLISH_TOKEN", "")),
                (int) number(env, "PUBLISH_PER_SECOND", 50),
                (int) number(env, "TOPIC_HISTORY", 100),
                env.getOrDefault("REDIS_URL", "").trim(),
                Duration.ofMillis(Math.max(300, number(env, "PRESENCE_TIMEOUT_MS", 30_000))));
    }

    private static Set<String> list(Map<String, String> env, String name) {
        return Arrays.stream(env.getOrDefault(name, "").split(","))
                .map(String::trim).filter(item -> !item.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, but is '" + value + "'");
        }
    }
}
