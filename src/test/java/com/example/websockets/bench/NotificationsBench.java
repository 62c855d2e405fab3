package com.example.websockets.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Notifications: many subscribers connecting at once; who got exactly five notifications and a
 * normal close, how late each came against its schedule, and how the gaps held.
 */
final class NotificationsBench {

    private static final int COUNT = 5;

    private NotificationsBench() {
    }

    static Map<String, Object> run(ServerProcess server, int subscribers, Duration interval)
            throws Exception {
        return run(server, subscribers, interval, 0);
    }

    /** As above, with at most {@code inFlight} handshakes at a time (0: all at once). */
    static Map<String, Object> run(ServerProcess server, int subscribers, Duration interval,
            int inFlight) throws Exception {
        long started = System.nanoTime();
        long[][] arrivals = new long[subscribers][COUNT];
        int[] counts = new int[subscribers];
        boolean[] inOrder = new boolean[subscribers];
        Arrays.fill(inOrder, true);
        server.resetPeakThreads();
        CpuWindow cpu = new CpuWindow(server);
        Connections connections = Connections.open(
                URI.create("ws://127.0.0.1:" + server.port + "/notifications"),
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
                code = socket.closed.get(
                        interval.multipliedBy(COUNT + 2).plusSeconds(60).toMillis(),
                        TimeUnit.MILLISECONDS);
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
        result.put("gapErrorP99Percent",
                gapErrors.percentileMillis(99) / interval.toMillis() * 100);
        result.put("gapErrorMaxPercent", gapErrors.maxMillis() / interval.toMillis() * 100);
        // The server's own clock: how late its timer sent, before the network and this client.
        Map<String, Double> late = serverLateness(server);
        result.put("serverLateP99Ms", late.get("quantile=\"0.99\""));
        result.put("serverLateMaxMs", late.get("max"));
        result.put("serverPeakThreads", server.peakThreads());
        result.put("serverPeakRssMb", server.peakResidentKb() / 1024);
        result.put("serverPeakPssMb", server.peakProportionalKb() / 1024);
        result.put("serverCores", cpu.serverCores());
        result.put("clientCores", cpu.clientCores());
        return result;
    }

    /**
     * This app's {@code scheduler.lateness} for the notifications, in ms; empty for a peer without
     * it.
     */
    private static Map<String, Double> serverLateness(ServerProcess server) {
        Map<String, Double> late = new LinkedHashMap<>();
        try {
            HttpResponse<Stream<String>> metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port + "/metrics")).build(),
                    BodyHandlers.ofLines());
            if (metrics.statusCode() != 200) {
                return late;
            }
            metrics.body().filter(line -> line.startsWith("scheduler_lateness_seconds")
                            && line.contains("scheduler=\"notifications\""))
                    .forEach(line -> {
                        double millis = Double.parseDouble(
                                line.substring(line.lastIndexOf(' ') + 1)) * 1000;
                        String key = line.startsWith("scheduler_lateness_seconds_max") ? "max"
                                : line.contains("quantile=") ? line.substring(
                                        line.indexOf("quantile="), line.indexOf('}')) : "";
                        late.put(key, Math.round(millis * 10) / 10.0);
                    });
        } catch (IOException e) {
            return late;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return late;
    }
}
