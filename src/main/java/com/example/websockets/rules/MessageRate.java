package com.example.websockets.rules;

import io.javalin.websocket.WsContext;

/**
 * A token bucket for one connection: up to {@code burst} messages at once, then
 * {@code perSecond} on average. The chats of steps 2 and 4 and the hub's socket of step 5 use it
 * to stop one client flooding everyone; step 5 also to answer publishers over their rate with 429.
 */
public final class MessageRate {

    private final double perSecond;
    private final int burst;
    private double tokens;
    private long lastRefill = System.nanoTime();

    public MessageRate(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes one message's token, or closes the sender with 1008 and answers false when it is over its rate. */
    public boolean admit(WsContext sender) {
        if (allow()) {
            return true;
        }
        ForcedClose.close(sender, 1008, "Too many messages: at most " + (long) perSecond + " a second, " + burst + " at once");
        return false;
    }

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
}
