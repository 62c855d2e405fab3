package com.example.websockets.hub;

import com.example.websockets.app.Secret;
import com.example.websockets.app.Variables;
import com.example.websockets.production.Limits;
import java.time.Duration;

/**
 * Step 5's settings, from environment variables; README.md lists them with the others.
 *
 * @param publishToken    {@code PUBLISH_TOKEN}: the bearer token that may publish; empty:
 *                        publishing is off
 * @param publishRate     {@code PUBLISH_PER_SECOND}: publishes taken a second, in bursts of as
 *                        many; more get 429
 * @param topicHistory    {@code TOPIC_HISTORY}: how many recent notifications each topic keeps
 *                        for catching up
 * @param maxQueuedEvents {@code MAX_QUEUED_MESSAGES}: an event stream this far behind is cut off,
 *                        as a socket is
 * @param keepAlive       half of {@code IDLE_TIMEOUT_MS}: how often a quiet event stream gets a
 *                        comment line
 */
public record HubSettings(
        Secret publishToken,
        int publishRate,
        int topicHistory,
        int maxQueuedEvents,
        Duration keepAlive) {

    public static HubSettings from(Variables variables) {
        // The bound and the beat every socket has (production's), read where they are defined.
        Limits limits = Limits.from(variables);
        int topicHistory = variables.number("TOPIC_HISTORY", 100);
        int maxQueued = limits.maxQueuedMessages();
        // A catch-up goes out at once: the largest must fit in what one socket may have waiting.
        if ((long) topicHistory * Topics.MAX > maxQueued) {
            throw new IllegalArgumentException("TOPIC_HISTORY (" + topicHistory + ") times the "
                    + Topics.MAX + " topics a subscriber may want must fit in MAX_QUEUED_MESSAGES ("
                    + maxQueued + ")");
        }
        return new HubSettings(
                variables.secret("PUBLISH_TOKEN"),
                variables.number("PUBLISH_PER_SECOND", 50),
                topicHistory,
                maxQueued,
                limits.idleTimeout().dividedBy(2));
    }
}
