package com.example.websockets.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Chat fan-out: a few senders at a fixed aggregate rate, every client counting and timing what
 * it receives. Loss is what some client should have received and never did.
 */
final class ChatBench {

    private static final int SENDERS = 4;

    private final List<ServerProcess> servers;
    private final List<BenchSocket> sockets = new ArrayList<>();
    private int failed;
    private final int clients;
    private final AtomicLongArray received;
    private volatile LongList[] latencies;

    private ChatBench(List<ServerProcess> servers, int clients) {
        this.servers = servers;
        this.clients = clients;
        this.received = new AtomicLongArray(clients);
        this.latencies = LongList.fresh(clients);
        // With several instances, the clients are shared out among them in turn, like a load
        // balancer.
        int perServer = clients / servers.size();
        for (int s = 0; s < servers.size(); s++) {
            int first = s * perServer;
            Connections some = Connections.open(
                    URI.create("ws://127.0.0.1:" + servers.get(s).port + "/chat"), perServer,
                    i -> (socket, message) -> {
                        // "User says: <sender> <sequence> <nanoTime at send>"
                        int lastSpace = message.lastIndexOf(' ');
                        if (message.startsWith("User says: ") && lastSpace > 0) {
                            latencies[first + i].add(socket.arrivalNanos
                                    - Long.parseLong(message.substring(lastSpace + 1)));
                            received.incrementAndGet(first + i);
                        }
                    });
            sockets.addAll(some.open);
            failed += some.failed;
        }
    }

    static ChatBench connect(ServerProcess server, int clients) {
        return new ChatBench(List.of(server), clients);
    }

    /**
     * Clients shared out among several instances of the app, which share the chat (through Redis).
     */
    static ChatBench connect(List<ServerProcess> servers, int clients) {
        return new ChatBench(servers, clients);
    }

    /**
     * Sends at {@code deliveriesPerSecond / clients} messages a second for {@code window},
     * with {@code dead} clients dropped without a close frame just before, and measures.
     */
    Map<String, Object> step(int deliveriesPerSecond, Duration window, int dead) {
        for (int d = 0; d < dead; d++) {
            sockets.get(clients - 1 - d).abort();
        }
        int alive = clients - dead;
        for (int i = 0; i < clients; i++) {
            received.set(i, 0);
        }
        latencies = LongList.fresh(clients);
        double messagesPerSecond = deliveriesPerSecond / (double) alive;

        List<CpuWindow> cpu = servers.stream().map(CpuWindow::new).toList();
        long start = System.nanoTime();
        long sent = 0;
        while (System.nanoTime() - start < window.toNanos()) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * messagesPerSecond);
            for (; sent < due; sent++) {
                // Senders spread over the clients, so over every instance when there are several.
                sockets.get((int) (sent % SENDERS) * (clients / SENDERS))
                        .send("m " + sent + " " + System.nanoTime());
            }
            LockSupport.parkNanos(200_000); // pacing between sending bursts
        }
        double seconds = cpu.get(0).seconds();
        long expected = sent * alive;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (total(alive) < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000); // stragglers still on their way
        }
        double serverCores = cpu.stream().mapToDouble(CpuWindow::serverCores).sum();
        double clientCores = cpu.get(0).clientCores();

        LongList all = new LongList();
        for (int i = 0; i < alive; i++) {
            all.addAll(latencies[i]);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("deadClients", dead);
        result.put("targetDeliveriesPerSecond", deliveriesPerSecond);
        result.put("deliveriesPerSecond", Math.round(total(alive) / seconds));
        result.put("p50Ms", all.percentileMillis(50));
        result.put("p99Ms", all.percentileMillis(99));
        result.put("maxMs", all.maxMillis());
        result.put("loss", expected - total(alive));
        result.put("serverCores", serverCores);
        result.put("clientCores", clientCores);
        return result;
    }

    int failedConnections() {
        return failed;
    }

    private long total(int alive) {
        long sum = 0;
        for (int i = 0; i < alive; i++) {
            sum += received.get(i);
        }
        return sum;
    }
}
