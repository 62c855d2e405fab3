package com.example.websockets.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Notifications: many subscribers connecting at once; who got exactly five notifications and a
 * normal close, how late each came against its schedule, and how the gaps held.
 */
final class NotificationsBench {

    private static final int COUNT = 5;

    private NotificationsBench() {
    }

    static Map<String, Object> run(ServerProcess server, int subscribers, Duration interval) throws Exception {
        return run(server, subscribers, interval, 0);
    }

    /** As above, with at most {@code inFlight} handshakes at a time (0: all at once). */
    static Map<String, Object> run(ServerProcess server, int subscribers, Duration interval, int inFlight) throws Exception {
        long started = System.nanoTime();
        long[][] arrivals = new long[subscribers][COUNT];
        int[] counts = new int[subscribers];
        boolean[] inOrder = new boolean[subscribers];
        Arrays.fill(inOrder, true);
        server.resetPeakThreads();
        CpuWindow cpu = new CpuWindow(server);
        Connections connections = Connections.open(URI.create("ws://127.0.0.1:" + server.port + "/notifications"),
                subscribers, inFlight, i -> (socket, message) -> {
                    int n = counts[i]++;
                    if (n < COUNT) {
                        arrivals[i][n] = socket.arrivalNanos;
                        inOrder[i] &= message.startsWith("🔔 Notification " + (n + 1) + ":");
                    }
                });
        double connectSeconds = (System.nanoTime() - started) / 1e9;
        int correct = 0;
        int onTime = 0;
        int closedNormally = 0;
        LongList lateness = new LongList();
        LongList gapErrors = new LongList();
        long intervalNanos = interval.toNanos();
        for (int i = 0; i < connections.open.size(); i++) {
            BenchSocket socket = connections.open.get(i);
            int code;
            try {
                code = socket.closed.get(interval.multipliedBy(COUNT + 2).plusSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                code = -1;
            }
            closedNormally += code == 1000 ? 1 : 0;
            if (code == 1000 && counts[i] == COUNT && inOrder[i]) {
                correct++;
            }
            // Client-side open times blur under a burst of connects, so the schedule is
            // anchored on each subscriber's first notification.
            boolean everyGapWithinAQuarter = true;
            for (int n = 1; n < Math.min(counts[i], COUNT); n++) {
                long gapError = Math.abs(arrivals[i][n] - arrivals[i][n - 1] - intervalNanos);
                gapErrors.add(gapError);
                everyGapWithinAQuarter &= gapError <= intervalNanos / 4;
                lateness.add(Math.max(0, arrivals[i][n] - (arrivals[i][0] + n * intervalNanos)));
            }
            if (code == 1000 && counts[i] == COUNT && inOrder[i] && everyGapWithinAQuarter) {
                onTime++;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("subscribers", subscribers);
        result.put("intervalMs", interval.toMillis());
        result.put("inFlight", inFlight == 0 ? "all" : String.valueOf(inFlight));
        result.put("connectSeconds", Math.round(connectSeconds * 10) / 10.0);
        result.put("correct", correct);
        result.put("onTime", onTime);
        result.put("closedNormally", closedNormally);
        result.put("refused", connections.failed);
        result.put("retried", connections.retried.get());
        result.put("latenessP99Ms", lateness.percentileMillis(99));
        result.put("latenessMaxMs", lateness.maxMillis());
        result.put("gapErrorP99Percent", gapErrors.percentileMillis(99) / interval.toMillis() * 100);
        result.put("gapErrorMaxPercent", gapErrors.maxMillis() / interval.toMillis() * 100);
        result.put("serverPeakThreads", server.peakThreads());
        result.put("serverPeakRssMb", server.peakResidentKb() / 1024);
        result.put("serverCores", cpu.serverCores());
        result.put("clientCores", cpu.clientCores());
        return result;
    }
}
