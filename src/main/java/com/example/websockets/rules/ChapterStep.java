package com.example.websockets;

import io.javalin.config.JavalinConfig;

/**
 * One example of the chapter. Each adds its own routes, so the full app and every
 * standalone example are built from the very same classes.
 */
public interface WebSocketExample {

    void addTo(JavalinConfig config);

    /** One line telling a learner how to try this example on a running server. */
    String howToTry(String hostAndPort);
}
