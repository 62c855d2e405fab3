package com.example.websockets.production;

import io.javalin.config.JavalinConfig;

/**
 * A token bucket: up to {@code burst} messages at once, then {@code perSecond} on average.
 * {@link #limit} gives each socket of a path its own, from outside the step that serves it: a
 * client over its rate is closed with 1008 and its message never reaches the step. Step 5 also
 * answers publishers over their rate with 429.
 */
public final class MessageRate {

    private static final String BUCKET = MessageRate.class.getName();

    private final double perSecond;
    private final int burst;
    private double tokens;
    private long lastRefill = System.nanoTime();

    public MessageRate(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    // tag::rate[]
    /** Every socket on {@code paths} gets a bucket of its own; past it, closed with 1008. */
    static void limit(JavalinConfig config, int perSecond, int burst, String... paths) {
        String reason = "Too many messages: at most " + perSecond + " a second, " + burst
                + " at once";
        for (String path : paths) {
            config.routes.wsBefore(path, ws -> {
                ws.onConnect(ctx -> ctx.attribute(BUCKET, new MessageRate(perSecond, burst)));
                ws.onMessage(ctx -> {
                    MessageRate bucket = ctx.attribute(BUCKET);
                    if (!bucket.allow()) {
                        throw new Exceeded(reason); // the step's own handler is skipped
                    }
                });
            });
        }
        config.routes.wsException(Exceeded.class,
                (over, ctx) -> ForcedClose.close(ctx, 1008, over.getMessage()));
    }
    // end::rate[]

    /** Takes one message's token, or answers false when the client is over its rate. */
    public synchronized boolean allow() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefill) * perSecond / 1e9);
        lastRefill = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Whole seconds until the next token, at least 1: what a {@code Retry-After} header says. */
    public synchronized long secondsToNext() {
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }

    /** A message over the rate: thrown to skip the step's handler, and answered with 1008. */
    private static final class Exceeded extends RuntimeException {
        Exceeded(String reason) {
            super(reason, null, false, false);
        }
    }
}
