package com.example.websockets.hub;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Step 5: what a subscriber asks for, checked: the topics, such as "orders,lab", or "*" for all,
 * and the id of the last notification it saw.
 */
final class Topics {

    static final int MAX = 50;

    private Topics() {
    }

    /** The topics of a comma-separated list; absent or empty means all. */
    static Set<String> parse(String list) {
        if (list == null || list.isBlank()) {
            return Set.of(NotificationHub.ALL);
        }
        return of(Arrays.stream(list.split(",")).map(String::trim).toList());
    }

    /** The topics named, or an IllegalArgumentException that says what is wrong with them. */
    static Set<String> of(List<String> names) {
        if (names.isEmpty() || names.size() > MAX) {
            throw new IllegalArgumentException("Subscribe to 1 to " + MAX + " topics");
        }
        Set<String> topics = new LinkedHashSet<>();
        for (String topic : names) {
            if (topic == null
                    || !topic.equals(NotificationHub.ALL)
                            && !Draft.TOPIC.matcher(topic).matches()) {
                throw new IllegalArgumentException("'" + topic
                        + "' is not a topic: use 1 to 64 of a-z, 0-9, '.', '_'"
                        + " and '-', or * for all");
            }
            topics.add(topic);
        }
        return topics;
    }

    /** The id after which to catch up: -1 (only what is new) when absent. */
    static long after(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            long after = Long.parseLong(value.trim());
            if (after < 0) {
                throw new NumberFormatException();
            }
            return after;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "after must be the id of a notification, but is '" + value + "'");
        }
    }
}
