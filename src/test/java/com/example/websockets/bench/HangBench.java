package com.example.websockets.bench;

import io.lettuce.core.RedisClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Step 6: how long a page takes to answer while Redis is healthy, and while it hangs
 * ({@code CLIENT PAUSE}) with 50 publishes always waiting on it: pages one at a time for 4 s,
 * long enough for the waiting publishes to be answered 504 after their 2 s.
 */
final class HangBench {

    static final String TOKEN = "bench-token";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HangBench() {
    }

    static Map<String, Object> run(ServerProcess app, ServerProcess redis, boolean hanging)
            throws Exception {
        AtomicBoolean publishing = new AtomicBoolean(hanging);
        AtomicInteger unknown = new AtomicInteger();
        ExecutorService publishers = Executors.newFixedThreadPool(50);
        if (hanging) {
            pause(redis, Duration.ofSeconds(20));
            for (int i = 0; i < 50; i++) {
                publishers.execute(() -> {
                    while (publishing.get()) {
                        if (publish(app) == 504) {
                            unknown.incrementAndGet();
                        }
                    }
                });
            }
        }
        LongList latencies = new LongList();
        long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port + "/dashboard")).build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - start);
            if (page.statusCode() != 200) {
                throw new IllegalStateException("GET /dashboard answered " + page.statusCode());
            }
        }
        publishing.set(false);
        publishers.shutdown();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("redis", hanging ? "paused, 50 publishes waiting" : "healthy");
        row.put("pages", latencies.size());
        row.put("p50Ms", latencies.percentileMillis(50));
        row.put("p99Ms", latencies.percentileMillis(99));
        row.put("maxMs", latencies.maxMillis());
        row.put("publishesAnswered504", unknown.get());
        return row;
    }

    private static int publish(ServerProcess app) {
        try {
            return HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + app.port + "/api/notifications"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"topic\":\"orders\",\"title\":\"during the hang\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private static void pause(ServerProcess redis, Duration duration) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port);
        try (var connection = client.connect()) {
            connection.sync().clientPause(duration.toMillis());
        } finally {
            client.shutdown();
        }
    }
}
