package com.example.websockets.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Handshakes: how many a second the server completes, and how much of its CPU each costs, while
 * its JIT is still cold (the first batch after start) and once warm (a later batch).
 */
final class HandshakeBench {

    private HandshakeBench() {
    }

    static Map<String, Object> run(ServerProcess server, String phase, int count, int inFlight) {
        CpuWindow cpu = new CpuWindow(server);
        double serverCpuBefore = server.cpuSeconds();
        Connections connections = Connections.open(
                URI.create("ws://127.0.0.1:" + server.port + "/ws"), count, inFlight,
                i -> (socket, message) -> { });
        double seconds = cpu.seconds();
        double serverCpu = server.cpuSeconds() - serverCpuBefore;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("phase", phase);
        result.put("handshakes", connections.open.size());
        result.put("refused", connections.failed);
        result.put("handshakesPerSecond", Math.round(connections.open.size() / seconds));
        result.put("serverCpuMsPerHandshake",
                Math.round(serverCpu * 1000 / Math.max(1, connections.open.size()) * 100) / 100.0);
        result.put("serverCores", Math.round(cpu.serverCores() * 100) / 100.0);
        result.put("clientCores", Math.round(cpu.clientCores() * 100) / 100.0);
        connections.closeAll();
        return result;
    }
}
