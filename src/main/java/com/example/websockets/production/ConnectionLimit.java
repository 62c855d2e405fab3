package com.example.websockets.production;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the open WebSockets, in all and per client address, so that a handshake beyond either
 * cap can be refused before it costs anything. Handshakes that are in flight at the same moment
 * may overshoot a cap slightly.
 */
final class ConnectionLimit {

    private final int max;
    private final int maxPerAddress;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Integer> openPerAddress = new ConcurrentHashMap<>();

    /** {@code maxPerAddress} 0 means no cap per address. */
    ConnectionLimit(int max, int maxPerAddress) {
        this.max = max;
        this.maxPerAddress = maxPerAddress;
    }

    boolean isFull() {
        return open.get() >= max;
    }

    boolean isFullFor(String address) {
        return maxPerAddress > 0 && openPerAddress.getOrDefault(address, 0) >= maxPerAddress;
    }

    int open() {
        return open.get();
    }

    void opened(String address) {
        open.incrementAndGet();
        openPerAddress.merge(address, 1, Integer::sum);
    }

    void closed(String address) {
        open.decrementAndGet();
        openPerAddress.computeIfPresent(address, (ignored, count) -> count == 1 ? null : count - 1);
    }
}
