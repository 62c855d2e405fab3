package com.example.websockets;

import java.time.Duration;
import java.util.Map;

/**
 * Every tunable number of the app in one place, read from environment variables. The defaults
 * match the chapter: port 8000 and a notification every two seconds.
 */
public record Settings(int port, Duration notifyInterval, Duration idleTimeout) {

    public static final Settings DEFAULTS =
            new Settings(8000, Duration.ofSeconds(2), Duration.ofSeconds(30));

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    static Settings from(Map<String, String> env) {
        return new Settings(
                (int) number(env, "PORT", DEFAULTS.port),
                Duration.ofMillis(number(env, "NOTIFY_INTERVAL_MS", DEFAULTS.notifyInterval.toMillis())),
                Duration.ofMillis(number(env, "IDLE_TIMEOUT_MS", DEFAULTS.idleTimeout.toMillis())));
    }

    public Settings withPort(int port) {
        return new Settings(port, notifyInterval, idleTimeout);
    }

    public Settings withNotifyInterval(Duration interval) {
        return new Settings(port, interval, idleTimeout);
    }

    public Settings withIdleTimeout(Duration timeout) {
        return new Settings(port, notifyInterval, timeout);
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, but is '" + value + "'");
        }
    }
}
