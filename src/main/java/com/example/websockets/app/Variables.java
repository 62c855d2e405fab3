package com.example.websockets.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The app's settings as environment variables, each read with its default by the part of the app
 * it belongs to (a step, the production rules, the server). It remembers every name it was asked
 * for and its default, so a test can hold README's table of settings to the code.
 */
public final class Variables {

    private final Map<String, String> values;
    private final Map<String, String> defaults = Collections.synchronizedMap(new TreeMap<>());

    private Variables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Variables of(Map<String, String> values) {
        return new Variables(values);
    }

    public static Variables fromEnvironment() {
        return of(System.getenv());
    }

    public String text(String name, String fallback) {
        remember(name, fallback);
        String value = values.get(name);
        return value == null ? fallback : value.trim();
    }

    /** A setting that must never reach a log; empty when not set. */
    public Secret secret(String name) {
        remember(name, "");
        return new Secret(values.getOrDefault(name, ""));
    }

    /** A non-negative whole number, or an exception that names the variable. */
    public int number(String name, int fallback) {
        String value = text(name, String.valueOf(fallback));
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a whole number, but is '" + value + "'");
        }
    }

    public Duration millis(String name, int fallback) {
        return Duration.ofMillis(number(name, fallback));
    }

    /** A comma-separated list, without blanks; empty when not set. */
    public Set<String> list(String name) {
        return Arrays.stream(text(name, "").split(",")).map(String::trim)
                .filter(item -> !item.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every variable read so far, with its default. */
    public Map<String, String> defaults() {
        return Map.copyOf(defaults);
    }

    // One name, one default: two parts reading one variable must agree on what it means unset.
    private void remember(String name, String fallback) {
        String earlier = defaults.putIfAbsent(name, fallback);
        if (earlier != null && !earlier.equals(fallback)) {
            throw new IllegalStateException(name + " is read with two defaults: '" + earlier
                    + "' and '" + fallback + "'");
        }
    }
}
