package com.example.websockets.rooms;

import com.example.websockets.app.Secret;
import com.example.websockets.app.Variables;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Step 4's settings, from environment variables; README.md lists them with the others.
 *
 * @param sessionSecret   {@code SESSION_SECRET}: the key that signs the sign-in cookies; empty: a
 *                        random one per start
 * @param roomHistory     {@code ROOM_HISTORY}: how many recent messages each room keeps
 * @param presenceTimeout {@code PRESENCE_TIMEOUT_MS}: an instance not heard from for this long is
 *                        taken as gone, and its users leave the rooms of the others (step 6)
 */
public record RoomsSettings(Secret sessionSecret, int roomHistory, Duration presenceTimeout) {

    /** The least a signing key for HMAC-SHA256 should be: as long as the hash. */
    static final int SHORTEST_SECRET_BYTES = 32;

    public static RoomsSettings from(Variables variables) {
        Secret secret = variables.secret("SESSION_SECRET");
        if (secret.isSet()
                && secret.value().getBytes(StandardCharsets.UTF_8).length < SHORTEST_SECRET_BYTES) {
            throw new IllegalArgumentException("SESSION_SECRET must be at least "
                    + SHORTEST_SECRET_BYTES + " bytes: make one with"
                    + " head -c 32 /dev/urandom | base64");
        }
        return new RoomsSettings(
                secret,
                variables.number("ROOM_HISTORY", 100),
                // Each instance says it is alive every third of it: below 300 ms that is a storm.
                Duration.ofMillis(Math.max(300, variables.number("PRESENCE_TIMEOUT_MS", 30_000))));
    }
}
