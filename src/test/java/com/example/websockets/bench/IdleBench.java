package com.example.websockets.bench;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Idle chat connections: what each one costs the server in memory while nothing happens. */
final class IdleBench {

    private IdleBench() {
    }

    static Map<String, Object> run(ServerProcess server, int connections) throws Exception {
        long heapBefore = server.isJava() ? server.heapAfterGcKb() : 0;
        long rssBefore = server.residentKb();
        long pssBefore = server.proportionalKb();
        Connections open = Connections.open(
                URI.create("ws://127.0.0.1:" + server.port + "/chat"), connections,
                i -> (socket, message) -> { });
        long heapAfter = server.isJava() ? server.heapAfterGcKb() : 0;
        long rssAfter = server.residentKb();
        long pssAfter = server.proportionalKb();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("connections", open.open.size());
        result.put("refused", open.failed);
        result.put("heapPerConnectionKb", (heapAfter - heapBefore) / (double) open.open.size());
        result.put("rssPerConnectionKb", (rssAfter - rssBefore) / (double) open.open.size());
        result.put("pssPerConnectionKb", (pssAfter - pssBefore) / (double) open.open.size());
        result.put("rssTotalMb", rssAfter / 1024);
        result.put("pssTotalMb", pssAfter / 1024);
        result.put("serverThreads", server.threads());
        // The server is stopped next; dropping 10,000 sockets here would only measure the client.
        return result;
    }
}
