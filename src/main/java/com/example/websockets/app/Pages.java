package com.example.websockets.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the HTML pages that ship inside the jar: each step keeps its page in a folder of its own
 * name under {@code src/main/resources/assets}, e.g. {@code chat/chat.html}.
 */
public final class Pages {

    private Pages() {
    }

    public static String load(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("/assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing page on the classpath: /assets/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
