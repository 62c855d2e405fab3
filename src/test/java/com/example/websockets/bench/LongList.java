package com.example.websockets.bench;

import java.util.Arrays;

/** A growable list of longs (latencies in nanoseconds), filled by one thread at a time. */
final class LongList {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(LongList other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /** The p-th percentile (0..100) in milliseconds, or NaN when empty. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.ceil(p / 100 * size) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    double maxMillis() {
        return percentileMillis(100);
    }

    /** {@code count} empty lists, one per client, each filled by that client's messages only. */
    static LongList[] fresh(int count) {
        LongList[] lists = new LongList[count];
        for (int i = 0; i < count; i++) {
            lists[i] = new LongList();
        }
        return lists;
    }
}
