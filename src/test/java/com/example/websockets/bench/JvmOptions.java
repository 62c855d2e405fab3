package com.example.websockets.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the benchmark compares side by side ({@code -Dfigures=jvm}), each a lever for
 * the echo's speed, an idle socket's memory and the cold storm's timing; and the options that
 * README's commands, {@code exec:exec} and the jar ship.
 *
 * @param name what the row is called
 * @param java the JVM's launcher
 * @param args its options
 */
record JvmOptions(String name, String java, String args) {

    /**
     * What README's commands, the pom's exec:exec and the benchmark use: JvmOptionsTest holds them
     * equal.
     */
    static final String SHIPPED = "-XX:+UseSerialGC -XX:MaxNewSize=32m";

    private static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // A newer JDK, where one is installed, for the collectors it adds (generational ZGC).
    private static final Path NEWER = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    static List<JvmOptions> levers() {
        List<JvmOptions> levers = new ArrayList<>(List.of(
                new JvmOptions("shipped", JAVA, SHIPPED),
                new JvmOptions("G1, defaults", JAVA, "-XX:+UseG1GC"),
                new JvmOptions("G1, young gen at most 64 MB", JAVA,
                        "-XX:+UseG1GC -XX:MaxNewSize=64m"),
                new JvmOptions("Parallel", JAVA, "-XX:+UseParallelGC"),
                new JvmOptions("G1, sockets promoted early", JAVA,
                        "-XX:+UseG1GC -XX:MaxTenuringThreshold=1"),
                new JvmOptions("Serial, young gen at most 32 MB", JAVA,
                        "-XX:+UseSerialGC -XX:MaxNewSize=32m"),
                new JvmOptions("Serial, young gen at most 32 MB, sockets promoted at once", JAVA,
                        "-XX:+UseSerialGC -XX:MaxNewSize=32m -XX:MaxTenuringThreshold=0"),
                new JvmOptions("Shenandoah", JAVA, "-XX:+UseShenandoahGC"),
                new JvmOptions("ZGC", JAVA, "-XX:+UseZGC")));
        levers.removeIf(lever -> lever.args().equals(SHIPPED) && !lever.name().equals("shipped"));
        if (Files.isExecutable(NEWER)) {
            levers.add(new JvmOptions("JDK 25, G1", NEWER.toString(), "-XX:+UseG1GC"));
            levers.add(new JvmOptions("JDK 25, generational ZGC", NEWER.toString(), "-XX:+UseZGC"));
        }
        // BENCH_LEVERS=Serial,Node: only the rows whose names contain one of these.
        String only = System.getenv().getOrDefault("BENCH_LEVERS", "");
        if (!only.isBlank()) {
            levers.removeIf(lever -> List.of(only.split(",")).stream()
                    .noneMatch(lever.name()::contains));
        }
        return levers;
    }
}
