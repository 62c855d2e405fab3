package com.example.websockets.app;

import io.javalin.config.JavalinConfig;

/**
 * One step of CHAPTER.md. Each adds its own routes, so the full app and every step started on
 * its own are built from the very same classes.
 */
public interface ChapterStep {

    void addTo(JavalinConfig config);

    /** One line telling a learner how to try this step on a running server. */
    String howToTry(String hostAndPort);
}
