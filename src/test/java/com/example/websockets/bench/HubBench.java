package com.example.websockets.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Step 5's hub: notifications published over HTTP to many WebSocket subscribers of one topic,
 * paced or as fast as a few publishers go; publishes a second, and how long each took from the
 * publisher's request to each subscriber.
 */
final class HubBench {

    static final String TOKEN = "bench-token";
    private static final int PUBLISHERS = 4;

    private final ServerProcess server;
    private final Connections connections;
    private final int subscribers;
    private final AtomicLongArray received;
    private volatile LongList[] latencies;

    private HubBench(ServerProcess server, int subscribers) {
        this.server = server;
        this.subscribers = subscribers;
        this.received = new AtomicLongArray(subscribers);
        this.latencies = LongList.fresh(subscribers);
        this.connections = Connections.open(
                URI.create("ws://127.0.0.1:" + server.port + "/hub?topics=bench"), subscribers,
                i -> (socket, message) -> {
                    // The title is "t <nanoTime at the publish request>".
                    int start = message.indexOf("\"title\":\"t ");
                    if (start >= 0) {
                        int from = start + "\"title\":\"t ".length();
                        long sentNanos =
                                Long.parseLong(message.substring(from, message.indexOf('"', from)));
                        latencies[i].add(socket.arrivalNanos - sentNanos);
                        received.incrementAndGet(i);
                    }
                });
    }

    static HubBench connect(ServerProcess server, int subscribers) {
        return new HubBench(server, subscribers);
    }

    /**
     * Publishes {@code perSecond} a second (0: as fast as the publishers go) for {@code window}.
     */
    Map<String, Object> run(int perSecond, Duration window) throws Exception {
        for (int i = 0; i < subscribers; i++) {
            received.set(i, 0);
        }
        latencies = LongList.fresh(subscribers);
        AtomicLong published = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        CpuWindow cpu = new CpuWindow(server);
        long start = System.nanoTime();
        ExecutorService publishers = Executors.newFixedThreadPool(PUBLISHERS);
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            int first = p;
            running.add(publishers.submit(() -> {
                // Paced, publisher p takes publishes p, p + 4, p + 8, ... each at its own time, so
                // that they never pile up on one another; unpaced, each publishes as fast as it
                // can.
                for (long k = first; System.nanoTime() - start < window.toNanos();
                        k += PUBLISHERS) {
                    if (perSecond > 0) {
                        long due = start + (long) (k * 1e9 / perSecond);
                        while (System.nanoTime() < due) {
                            LockSupport.parkNanos(due - System.nanoTime());
                        }
                    }
                    int status = publish();
                    (status == 202 ? published : refused).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> publisher : running) {
            publisher.get();
        }
        publishers.shutdown();
        double seconds = cpu.seconds();
        long expected = published.get() * subscribers;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (total() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000); // deliveries still on their way
        }
        LongList all = new LongList();
        for (LongList one : latencies) {
            all.addAll(one);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("subscribers", subscribers);
        result.put("pace", perSecond == 0 ? "as fast as " + PUBLISHERS + " publishers go"
                : perSecond + "/s");
        result.put("publishesPerSecond", Math.round(published.get() / seconds));
        result.put("deliveriesPerSecond", Math.round(total() / seconds));
        result.put("p50Ms", all.percentileMillis(50));
        result.put("p99Ms", all.percentileMillis(99));
        result.put("maxMs", all.maxMillis());
        result.put("loss", expected - total());
        result.put("refused", refused.get());
        result.put("serverCores", cpu.serverCores());
        result.put("clientCores", cpu.clientCores());
        return result;
    }

    // Jetty's HTTP client, the one under the load generator's sockets: it sends with TCP_NODELAY.
    // The JDK's writes a POST's headers and body apart, and Nagle's algorithm then holds the body
    // for the server's delayed ACK, about 40 ms a publish, which would be measured as hub latency.
    private int publish() throws Exception {
        String body = "{\"topic\":\"bench\",\"title\":\"t " + System.nanoTime() + "\"}";
        return Connections.CLIENT.getHttpClient()
                .newRequest("http://127.0.0.1:" + server.port + "/api/notifications")
                .method(HttpMethod.POST)
                .headers(headers -> headers.put("Authorization", "Bearer " + TOKEN))
                .body(new StringRequestContent("application/json", body)).send().getStatus();
    }

    private long total() {
        long sum = 0;
        for (int i = 0; i < subscribers; i++) {
            sum += received.get(i);
        }
        return sum;
    }
}
