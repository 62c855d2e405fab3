package com.example.websockets.bench;

import com.example.websockets.WebSocketsApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app under test, in its own JVM: started with the benchmark's settings, and read from
 * {@code /proc} for CPU time, threads and resident memory while it runs.
 */
final class ServerProcess implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    final int port;
    private final Process process;
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "server-sampler");
                thread.setDaemon(true);
                return thread;
            });
    private final AtomicLong peakProportional = new AtomicLong();
    private final AtomicLong peakThreads = new AtomicLong();

    private ServerProcess(int port, Process process) {
        this.port = port;
        this.process = process;
        sampler.scheduleAtFixedRate(() -> peakThreads.accumulateAndGet(threads(), Math::max),
                0, 50, TimeUnit.MILLISECONDS);
        // The kernel has no high-water mark for PSS: sample it, less often (reading it costs the
        // kernel a walk).
        sampler.scheduleAtFixedRate(
                () -> peakProportional.accumulateAndGet(proportionalKb(), Math::max),
                0, 500, TimeUnit.MILLISECONDS);
    }

    /** This project's app, in its own JVM, with {@code env} on top of the defaults. */
    static ServerProcess start(Map<String, String> env) throws IOException {
        // BENCH_SERVER_JAVA=/path/to/bin/java runs the server on another JVM; BENCH_SERVER_JVM_ARGS
        // replaces the options, by default those that README's commands use.
        String java = System.getenv().getOrDefault("BENCH_SERVER_JAVA",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return start(env, java,
                System.getenv().getOrDefault("BENCH_SERVER_JVM_ARGS", JvmOptions.SHIPPED));
    }

    /** This project's app on the JVM {@code java}, with the options {@code jvmArgs}. */
    static ServerProcess start(Map<String, String> env, String java, String jvmArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        if (!jvmArgs.isBlank()) {
            command.addAll(List.of(jvmArgs.trim().split("\\s+")));
        }
        // BENCH_SERVER_JAR=target/chapter14-websockets.jar runs the packaged jar instead of the
        // classes (an ahead-of-time cache, -XX:AOTCache, needs the classes in jars).
        String jar = System.getenv("BENCH_SERVER_JAR");
        command.addAll(jar != null ? List.of("-jar", jar)
                : List.of("-cp", System.getProperty("java.class.path"),
                        WebSocketsApp.class.getName()));
        return start(port -> command, env, "Ctrl+C", null);
    }

    /**
     * Any server: {@code command} for a free port (which is also in {@code PORT}), ready once it
     * prints a line containing {@code ready}; run in {@code directory} (null: this one).
     */
    static ServerProcess start(IntFunction<List<String>> command, Map<String, String> env,
            String ready, Path directory) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // The output goes to a file, not a pipe: a pipe closed with this JVM would kill anything
        // the server still writes, such as the child JVM that assembles an ahead-of-time cache at
        // exit.
        Path log = Files.createTempFile("bench-server", ".log");
        log.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(command.apply(port)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(env);
        builder.environment().put("PORT", String.valueOf(port));
        Process process = builder.start();
        if (ready == null) {
            awaitListening(port, process);
        } else {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.readString(log).contains(ready)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("The server " + command.apply(port)
                            + " did not get ready:\n" + Files.readString(log));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        return new ServerProcess(port, process);
    }

    // For a server that says nothing when ready: try its port until it answers.
    private static void awaitListening(int port, Process process) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("The server exited before it was ready");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        throw new IOException("The server did not listen on port " + port + " within 30 s");
    }

    /** User plus system CPU time the server has used so far, in seconds. */
    double cpuSeconds() {
        String stat = read("stat");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                / (double) CLOCK_TICKS_PER_SECOND;
    }

    long threads() {
        return statusField("Threads");
    }

    long peakThreads() {
        return peakThreads.get();
    }

    void resetPeakThreads() {
        peakThreads.set(threads());
    }

    long residentKb() {
        return statusField("VmRSS");
    }

    long peakResidentKb() {
        return statusField("VmHWM");
    }

    /**
     * The proportional set size: resident pages, each shared page counted as its share. With ZGC,
     * whose heap is mapped several times over, RSS counts those pages once per mapping (RssShmem);
     * PSS counts them once in all.
     */
    long proportionalKb() {
        for (String line : read("smaps_rollup").split("\n")) {
            if (line.startsWith("Pss:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("No Pss in /proc smaps_rollup");
    }

    long peakProportionalKb() {
        return peakProportional.get();
    }

    /** Whether the server is a JVM, whose heap a histogram can count. */
    boolean isJava() {
        return read("cmdline").startsWith("/") && read("cmdline").split("\0")[0].endsWith("java");
    }

    /**
     * The live objects' size, from a heap histogram (which collects first): the same count whatever
     * the collector.
     */
    long heapAfterGcKb() throws IOException, InterruptedException {
        String histogram = jcmd("GC.class_histogram");
        Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)").matcher(histogram);
        if (!total.find()) {
            throw new IOException("Unexpected GC.class_histogram output: "
                    + histogram.lines().limit(5).toList());
        }
        return Long.parseLong(total.group(1)) / 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process run = new ProcessBuilder(jcmd, String.valueOf(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        run.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    private long statusField(String name) {
        for (String line : read("status").split("\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("No " + name + " in /proc status");
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy();
        // Generous: a JVM writing an ahead-of-time cache at exit (-XX:AOTCacheOutput) takes a
        // while.
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

}
