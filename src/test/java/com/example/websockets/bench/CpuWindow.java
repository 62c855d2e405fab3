package com.example.websockets.bench;

import java.lang.management.ManagementFactory;

/** CPU used by the server and by this load generator over one measured window, in cores. */
final class CpuWindow {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final ServerProcess server;
    private final long startNanos = System.nanoTime();
    private final double serverStart;
    private final long clientStart = OS.getProcessCpuTime();

    CpuWindow(ServerProcess server) {
        this.server = server;
        this.serverStart = server.cpuSeconds();
    }

    double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Average cores the server kept busy since the window opened. */
    double serverCores() {
        return (server.cpuSeconds() - serverStart) / seconds();
    }

    /** Average cores the load generator kept busy since the window opened. */
    double clientCores() {
        return (OS.getProcessCpuTime() - clientStart) / 1e9 / seconds();
    }
}
