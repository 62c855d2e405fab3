package com.example.websockets.rules;

/**
 * A token bucket for one connection: up to {@code burst} messages at once, then
 * {@code perSecond} on average. Step 2's chat uses it to stop one client flooding everyone.
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
}
