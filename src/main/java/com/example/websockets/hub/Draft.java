package com.example.websockets.hub;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Step 5: what a publisher sends, before the hub gives it an id and a time. {@link #problem()}
 * names the first field that breaks a rule, so the answer can say which one.
 */
record Draft(String topic, String title, String body, String level) {

    static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final Set<String> LEVELS = Set.of("info", "success", "warning", "error");
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2000;

    /** The first broken rule, or null when the draft can be published. */
    Invalid problem() {
        if (topic == null) {
            return new Invalid("topic", "topic is required");
        }
        if (!TOPIC.matcher(topic).matches()) {
            return new Invalid("topic", "topic must be 1 to 64 of a-z, 0-9, '.', '_' and '-',"
                    + " starting with a letter or digit");
        }
        if (title == null || title.isBlank()) {
            return new Invalid("title", "title is required");
        }
        if (title.length() > MAX_TITLE) {
            return new Invalid("title", "title must be at most " + MAX_TITLE + " characters");
        }
        if (body != null && body.length() > MAX_BODY) {
            return new Invalid("body", "body must be at most " + MAX_BODY + " characters");
        }
        if (level != null && !LEVELS.contains(level)) {
            return new Invalid("level", "level must be one of info, success, warning, error");
        }
        return null;
    }

    Draft withDefaults() {
        return new Draft(topic, title, body == null ? "" : body, level == null ? "info" : level);
    }

    record Invalid(String field, String reason) {
    }
}
