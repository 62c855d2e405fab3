package com.example.websockets.rules;

import io.javalin.config.JavalinConfig;

/**
 * One step of the chapter. Each adds its own routes, so the full app and every standalone
 * step are built from the very same classes.
 */
public interface ChapterStep {

    /** The name that starts this step alone, e.g. {@code chat}. */
    String name();

    void addTo(JavalinConfig config);

    /** One line telling a learner how to try this step on a running server. */
    String howToTry(String hostAndPort);
}
