package com.example.websockets.metrics;

import io.javalin.config.Key;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where a step finds the app's meters, the ones {@code /metrics} serves: step 5's dashboard
 * draws them.
 */
public final class Meters {

    static final Key<MeterRegistry> KEY = new Key<>("meters");

    private Meters() {
    }

    public static MeterRegistry of(Context ctx) {
        return ctx.appData(KEY);
    }
}
