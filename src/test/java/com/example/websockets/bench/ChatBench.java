package com.example.websockets.bench;

import java.net.URI;
import java.time.Duration;
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

    private final ServerProcess server;
    private final Connections connections;
    private final int clients;
    private final AtomicLongArray received;
    private volatile LongList[] latencies;

    private ChatBench(ServerProcess server, int clients) {
        this.server = server;
        this.clients = clients;
        this.received = new AtomicLongArray(clients);
        this.latencies = freshLatencies(clients);
        this.connections = Connections.open(URI.create("ws://127.0.0.1:" + server.port + "/chat"), clients,
                i -> (socket, message) -> {
                    // "User says: <sender> <sequence> <nanoTime at send>"
                    int lastSpace = message.lastIndexOf(' ');
                    if (message.startsWith("User says: ") && lastSpace > 0) {
                        latencies[i].add(socket.arrivalNanos - Long.parseLong(message.substring(lastSpace + 1)));
                        received.incrementAndGet(i);
                    }
                });
    }

    static ChatBench connect(ServerProcess server, int clients) {
        return new ChatBench(server, clients);
    }

    /**
     * Sends at {@code deliveriesPerSecond / clients} messages a second for {@code window},
     * with {@code dead} clients dropped without a close frame just before, and measures.
     */
    Map<String, Object> step(int deliveriesPerSecond, Duration window, int dead) {
        List<BenchSocket> sockets = connections.open;
        for (int d = 0; d < dead; d++) {
            sockets.get(clients - 1 - d).abort();
        }
        int alive = clients - dead;
        for (int i = 0; i < clients; i++) {
            received.set(i, 0);
        }
        latencies = freshLatencies(clients);
        double messagesPerSecond = deliveriesPerSecond / (double) alive;

        CpuWindow cpu = new CpuWindow(server);
        long start = System.nanoTime();
        long sent = 0;
        while (System.nanoTime() - start < window.toNanos()) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * messagesPerSecond);
            for (; sent < due; sent++) {
                sockets.get((int) (sent % SENDERS)).send("m " + sent + " " + System.nanoTime());
            }
            LockSupport.parkNanos(200_000); // pacing between sending bursts
        }
        double seconds = cpu.seconds();
        long expected = sent * alive;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (total(alive) < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000); // stragglers still on their way
        }
        double serverCores = cpu.serverCores();
        double clientCores = cpu.clientCores();

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
        return connections.failed;
    }

    private long total(int alive) {
        long sum = 0;
        for (int i = 0; i < alive; i++) {
            sum += received.get(i);
        }
        return sum;
    }

    private static LongList[] freshLatencies(int clients) {
        LongList[] lists = new LongList[clients];
        for (int i = 0; i < clients; i++) {
            lists[i] = new LongList();
        }
        return lists;
    }
}
