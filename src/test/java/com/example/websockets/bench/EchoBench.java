package com.example.websockets.bench;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** Echo: clients in request and response, each sending its next message when the reply is back. */
final class EchoBench {

    private EchoBench() {
    }

    static Map<String, Object> run(ServerProcess server, int clients, Duration warmUp,
            Duration window) throws Exception {
        long[] sentAt = new long[clients];
        LongList[] latencies = new LongList[clients];
        for (int i = 0; i < clients; i++) {
            latencies[i] = new LongList();
        }
        var phase = new Object() {
            volatile boolean running = true;
            volatile boolean measuring = false;
        };
        Connections connections = Connections.open(
                URI.create("ws://127.0.0.1:" + server.port + "/ws"), clients,
                i -> (socket, message) -> {
                    long now = socket.arrivalNanos;
                    if (phase.measuring) {
                        latencies[i].add(now - sentAt[i]);
                    }
                    if (phase.running) {
                        sentAt[i] = System.nanoTime();
                        socket.send("ping");
                    }
                });
        for (int i = 0; i < clients; i++) {
            sentAt[i] = System.nanoTime();
            connections.open.get(i).send("ping");
        }
        LockSupport.parkNanos(warmUp.toNanos()); // pacing: let the JIT warm up before measuring
        CpuWindow cpu = new CpuWindow(server);
        phase.measuring = true;
        LockSupport.parkNanos(window.toNanos());
        phase.measuring = false;
        double seconds = cpu.seconds();
        double serverCores = cpu.serverCores();
        double clientCores = cpu.clientCores();
        phase.running = false;

        LongList all = new LongList();
        for (LongList list : latencies) {
            all.addAll(list);
        }
        connections.closeAll();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("roundTripsPerSecond", Math.round(all.size() / seconds));
        result.put("p50Ms", all.percentileMillis(50));
        result.put("p99Ms", all.percentileMillis(99));
        result.put("maxMs", all.maxMillis());
        result.put("serverCores", serverCores);
        result.put("clientCores", clientCores);
        return result;
    }
}
