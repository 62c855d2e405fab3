package com.example.websockets.rules;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the open WebSockets so that a handshake beyond the cap can be refused with 503 before
 * it costs anything. Handshakes that are in flight at the same moment may overshoot it slightly.
 */
final class ConnectionLimit {

    private final int max;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimit(int max) {
        this.max = max;
    }

    boolean isFull() {
        return open.get() >= max;
    }

    int open() {
        return open.get();
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }
}
