package com.example.websockets.rooms;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Step 4's rule for user and room names: after Unicode NFC normalisation, 1 to 32 characters,
 * letters, digits, spaces and {@code _-.}, with no space at either end.
 */
final class Names {

    static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} _.-]+");

    private Names() {
    }

    /** The name, normalised, or an exception whose message says what is wrong with it. */
    static String check(String what, String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    what + " is longer than " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    what + " may only hold letters, digits, spaces and _-.");
        }
        if (!name.strip().equals(name)) {
            throw new IllegalArgumentException(what + " may not start or end with a space");
        }
        return name;
    }

    /** The form two names are compared in: "Alice" and "ALICE" are the same person. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
