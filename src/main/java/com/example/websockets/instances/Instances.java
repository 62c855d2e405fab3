package com.example.websockets.instances;

import com.example.websockets.app.Variables;
import com.example.websockets.broker.Broker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 6, "When one server is not enough": with {@code REDIS_URL} set, the chat, the rooms and
 * the hub go through Redis, so that several instances of the app share them; without it, every
 * message stays in this process.
 */
public final class Instances {

    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private Instances() {
    }

    /** True when this instance is one of several: {@code REDIS_URL} is set. */
    public static boolean shared(Variables variables) {
        return !variables.text("REDIS_URL", "").isEmpty();
    }

    /**
     * Redis when {@code REDIS_URL} is set, else this process; a Redis that can't be reached stops
     * the start.
     */
    public static Broker broker(Variables variables) {
        if (!shared(variables)) {
            return Broker.local();
        }
        if (!variables.secret("SESSION_SECRET").isSet()) {
            log.warn("SESSION_SECRET is not set: give every instance the same one, or a browser"
                    + " signed in on one is refused by the others");
        }
        return RedisBroker.connect(variables.text("REDIS_URL", ""));
    }
}
