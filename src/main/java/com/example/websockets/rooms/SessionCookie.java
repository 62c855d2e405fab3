package com.example.websockets.rooms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Step 4's sign-in: a cookie that says who a browser is, until when, signed with HMAC-SHA256 so
 * that nobody can change it or make one up. It holds a random id as well as the name, so that
 * two people who pick the same name at different times are still told apart.
 */
final class SessionCookie {

    static final String NAME = "rooms-session";
    static final Duration LIFETIME = Duration.ofHours(12);

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;
    private final Clock clock;

    /** Who a valid cookie says the browser is. */
    record Holder(String name, String id) {
    }

    SessionCookie(byte[] secret, Clock clock) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /**
     * A new cookie value for {@code name}, keeping {@code id} when the same person signs in
     * again.
     */
    String issue(String name, String id) {
        if (id == null) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            id = BASE64.encodeToString(random);
        }
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        String payload = BASE64.encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "." + id
                + "." + expires;
        return payload + "." + sign(payload);
    }

    /** Who the cookie value says, if it is ours, unchanged and not expired. */
    Optional<Holder> read(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int lastDot = value.lastIndexOf('.');
        String[] parts = value.split("\\.");
        if (lastDot < 0 || parts.length != 4) {
            return Optional.empty();
        }
        String payload = value.substring(0, lastDot);
        // Compared in constant time, so the answer's timing says nothing about the right signature.
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                value.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Optional.of(new Holder(
                    new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8),
                    parts[1]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
