package com.example.websockets.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far does one server go? Starts the app in its own JVM, drives it over 127.0.0.1 from this
 * process, and prints the medians of several runs as tables, also written as JSON to
 * {@code target/benchmark.json}. Bounded in connections and time; stops by itself.
 * Run it with {@code mvn -q test-compile exec:exec@benchmark}, or one figure with
 * {@code -Dfigures=chat}.
 */
public final class Benchmark {

    private static final int RUNS = 3;
    private static final Map<String, String> SERVER_ENV = Map.of(
            // Lift the per-client chat rate so that the fan-out, not the flood guard, is measured.
            "CHAT_MESSAGES_PER_SECOND", "1000000", "CHAT_MESSAGE_BURST", "1000000",
            // Every load client comes from 127.0.0.1: lift the per-address cap too.
            "MAX_CONNECTIONS_PER_ADDRESS", "0",
            "MAX_CONNECTIONS", "30000");

    private Benchmark() {
    }

    /**
     * Runs every figure ("all"), or those named: echo, chat, dead, notifications, cold, handshakes,
     * hub, idle.
     */
    public static void main(String[] args) throws Exception {
        List<String> only =
                args.length == 0 || List.of(args).contains("all") ? List.of() : List.of(args);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("java", System.getProperty("java.version"));
        report.put("runsPerFigure", RUNS);

        if (only.isEmpty() || only.contains("echo")) {
            Map<String, Object> echo = median(() -> {
                try (ServerProcess server = ServerProcess.start(SERVER_ENV)) {
                    return EchoBench.run(server, 100, Duration.ofSeconds(2), Duration.ofSeconds(4));
                }
            });
            report.put("echo", echo);
            print("Echo: 100 clients, request and response", List.of(echo));
        }
        if (only.isEmpty() || only.contains("chat")) {
            List<Map<String, Object>> chat = new ArrayList<>();
            for (int clients : new int[] {100, 1000}) {
                chat.addAll(chatSteps(clients,
                        new int[] {20_000, 40_000, 80_000, 120_000, 160_000}, 0));
            }
            report.put("chat", chat);
            report.put("chatBest", best(chat));
            print("Chat fan-out: 4 senders at rising aggregate rates", chat);
            print("Chat: the highest delivery rate with p99 under 100 ms and no loss", best(chat));
        }
        if (only.isEmpty() || only.contains("dead")) {
            List<Map<String, Object>> dead = chatSteps(100, new int[] {20_000}, 5);
            report.put("chatWithDeadClients", dead);
            print("Chat with 5 of 100 clients dropped without a close frame", dead);
        }
        if (only.isEmpty() || only.contains("notifications")) {
            List<Map<String, Object>> notifications = List.of(
                    median(() -> notifications(Duration.ofMillis(500))),
                    medianOf(List.of(notifications(Duration.ofSeconds(2)))));
            report.put("notifications", notifications);
            print("Notifications: 10,000 subscribers at once (500 ms: median of " + RUNS
                    + " runs; 2 s: one run)", notifications);
        }
        if (only.isEmpty() || only.contains("cold")) {
            List<Map<String, Object>> cold = new ArrayList<>();
            warmTheLoadGenerator();
            for (int inFlight : new int[] {0, 200}) {
                try (ServerProcess server = ServerProcess.start(SERVER_ENV)) {
                    cold.add(NotificationsBench.run(server, 10_000, Duration.ofSeconds(2),
                            inFlight));
                }
            }
            report.put("coldStorm", cold);
            print("Cold storm: 10,000 subscribers to a freshly started server, 2 s interval", cold);
        }
        if (only.isEmpty() || only.contains("handshakes")) {
            List<Map<String, Object>> handshakes = new ArrayList<>();
            for (Peer peer : Peer.withBareJetty(Peer.available())) {
                try (ServerProcess server = peer.start("echo", SERVER_ENV)) {
                    for (String phase : List.of("cold", "warming", "warm", "warmer", "warmest")) {
                        Map<String, Object> batch = new LinkedHashMap<>();
                        batch.put("server", peer.name());
                        batch.putAll(HandshakeBench.run(server, phase, 3_000, 200));
                        handshakes.add(batch);
                    }
                }
            }
            report.put("handshakes", handshakes);
            print("Handshakes: 3,000 at a time, 200 in flight, on one fresh server each",
                    handshakes);
        }
        if (only.isEmpty() || only.contains("hub")) {
            Map<String, String> env = new LinkedHashMap<>(SERVER_ENV);
            env.put("PUBLISH_TOKEN", HubBench.TOKEN);
            env.put("PUBLISH_PER_SECOND", "1000000"); // the default, 50, is the pace of the
                                                      // second row
            List<Map<String, Object>> hub = new ArrayList<>();
            try (ServerProcess server = ServerProcess.start(env)) {
                HubBench bench = HubBench.connect(server, 1000);
                bench.run(0, Duration.ofSeconds(3)); // warm-up, not reported
                hub.add(bench.run(10, Duration.ofSeconds(10)));
                hub.add(bench.run(50, Duration.ofSeconds(10)));
                hub.add(bench.run(0, Duration.ofSeconds(10)));
            }
            report.put("hub", hub);
            print("Hub: notifications published over HTTP to 1,000 WebSocket subscribers of the"
                    + " topic", hub);
        }
        if (only.contains("jvm")) {
            List<Map<String, Object>> jvm = jvm();
            report.put("jvm", jvm);
            print("JVM options side by side with Node's ws (one run each): echo, an idle socket,"
                    + " the cold storm", jvm);
        }
        if (only.contains("hang")) {
            List<Map<String, Object>> hang = hang();
            report.put("redisHangs", hang);
            print("While Redis hangs: GET /dashboard, one at a time, for 4 s", hang);
        }
        if (only.contains("redis")) {
            List<Map<String, Object>> redis = instances();
            report.put("instances", redis);
            print("Chat, 100 clients: one instance in-process vs two instances through Redis"
                    + " (one run each)", redis);
        }
        if (only.contains("peers")) {
            List<Map<String, Object>> peers = peers();
            report.put("peers", peers);
            print("Side by side: this app, the chapter's FastAPI code and Node's ws, in one run"
                    + " (median of " + RUNS + ")", peers);
        }
        if (only.isEmpty() || only.contains("idle")) {
            Map<String, Object> idle = median(() -> {
                try (ServerProcess server = ServerProcess.start(SERVER_ENV)) {
                    return IdleBench.run(server, 10_000);
                }
            });
            report.put("idle", idle);
            print("Idle: 10,000 chat connections", List.of(idle));
        }

        Path json = Path.of("target", "benchmark.json");
        Files.createDirectories(json.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(json.toFile(), report);
        System.out.println("Figures written to " + json);
        System.exit(0); // the client's selector threads would otherwise linger
    }

    private static List<Map<String, Object>> chatSteps(int clients, int[] rates, int dead)
            throws Exception {
        List<List<Map<String, Object>>> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            List<Map<String, Object>> steps = new ArrayList<>();
            try (ServerProcess server = ServerProcess.start(SERVER_ENV)) {
                ChatBench bench = ChatBench.connect(server, clients);
                bench.step(rates[0], Duration.ofSeconds(2), 0); // warm-up, not reported
                for (int rate : rates) {
                    steps.add(bench.step(rate, Duration.ofSeconds(2), dead));
                }
            }
            runs.add(steps);
        }
        List<Map<String, Object>> medians = new ArrayList<>();
        for (int step = 0; step < rates.length; step++) {
            List<Map<String, Object>> same = new ArrayList<>();
            for (List<Map<String, Object>> run : runs) {
                same.add(run.get(step));
            }
            medians.add(medianOf(same));
        }
        return medians;
    }

    /**
     * Step 6: the same chat fan-out on one instance, then shared out over two that share it
     * through Redis.
     */
    private static List<Map<String, Object>> instances() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
            System.out.println(
                    "Skipped the Redis figure: install Redis with apt-get install -y redis-server");
            return List.of();
        }
        int[] rates = {20_000, 40_000, 80_000, 120_000};
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(SERVER_ENV)) {
            ChatBench bench = ChatBench.connect(server, 100);
            bench.step(rates[0], Duration.ofSeconds(2), 0); // warm-up, not reported
            for (int rate : rates) {
                Map<String, Object> row = new LinkedHashMap<>(Map.of("instances", "1, in-process"));
                row.putAll(bench.step(rate, Duration.ofSeconds(3), 0));
                row.put("redisCores", 0.0);
                rows.add(row);
            }
        }
        try (ServerProcess redis = redisServer()) {
            Map<String, String> env = new LinkedHashMap<>(SERVER_ENV);
            env.put("REDIS_URL", "redis://127.0.0.1:" + redis.port);
            try (ServerProcess a = ServerProcess.start(env);
                    ServerProcess b = ServerProcess.start(env)) {
                ChatBench bench = ChatBench.connect(List.of(a, b), 100);
                bench.step(rates[0], Duration.ofSeconds(2), 0);
                for (int rate : rates) {
                    CpuWindow redisCpu = new CpuWindow(redis);
                    Map<String, Object> row =
                            new LinkedHashMap<>(Map.of("instances", "2, through Redis"));
                    row.putAll(bench.step(rate, Duration.ofSeconds(3), 0));
                    row.put("redisCores", redisCpu.serverCores());
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Every lever of JvmOptions, and Node for scale, on the same figures in one run. */
    private static List<Map<String, Object>> jvm() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        warmTheLoadGenerator();
        for (Peer peer : Peer.available()) {
            String only = System.getenv().getOrDefault("BENCH_LEVERS", "");
            if (peer.name().equals("node") && (only.isBlank() || only.contains("Node"))) {
                rows.add(jvmRow("Node ws", () -> peer.start("all", SERVER_ENV)));
            }
        }
        for (JvmOptions options : JvmOptions.levers()) {
            String name = options.name()
                    + (options.name().equals("shipped") ? ": " + options.args() : "");
            rows.add(jvmRow(name,
                    () -> ServerProcess.start(SERVER_ENV, options.java(), options.args())));
            print("JVM options so far", List.of(rows.get(rows.size() - 1)));
        }
        return rows;
    }

    interface Start {
        ServerProcess start() throws Exception;
    }

    private static Map<String, Object> jvmRow(String name, Start start) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("server", name);
        try (ServerProcess server = start.start()) {
            row.put("echoRoundTripsPerSecond", EchoBench.run(server, 100, Duration.ofSeconds(2),
                    Duration.ofSeconds(4)).get("roundTripsPerSecond"));
        }
        try (ServerProcess server = start.start()) {
            Map<String, Object> idle = IdleBench.run(server, 10_000);
            for (String figure : List.of("rssPerConnectionKb", "pssPerConnectionKb",
                    "heapPerConnectionKb")) {
                row.put("idle" + Character.toUpperCase(figure.charAt(0)) + figure.substring(1),
                        round(((Number) idle.get(figure)).doubleValue()));
            }
        }
        for (int inFlight : new int[] {0, 200}) {
            try (ServerProcess server = start.start()) {
                Map<String, Object> cold =
                        NotificationsBench.run(server, 10_000, Duration.ofSeconds(2), inFlight);
                String pattern = inFlight == 0 ? "stormAllAtOnce" : "storm200InFlight";
                row.put(pattern + "OnTime", cold.get("onTime"));
                row.put(pattern + "GapP99Percent",
                        round(((Number) cold.get("gapErrorP99Percent")).doubleValue()));
                row.put(pattern + "ServerLateP99Ms", cold.get("serverLateP99Ms"));
                row.put(pattern + "PeakRssMb", cold.get("serverPeakRssMb"));
                row.put(pattern + "PeakPssMb", cold.get("serverPeakPssMb"));
            }
        }
        return row;
    }

    /**
     * Step 6: a page's time while Redis is healthy, then while it hangs with publishes waiting on
     * it.
     */
    private static List<Map<String, Object>> hang() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
            System.out.println(
                    "Skipped the hang figure: install Redis with apt-get install -y redis-server");
            return List.of();
        }
        try (ServerProcess redis = redisServer()) {
            Map<String, String> env = new LinkedHashMap<>(SERVER_ENV);
            env.put("REDIS_URL", "redis://127.0.0.1:" + redis.port);
            env.put("PUBLISH_TOKEN", HangBench.TOKEN);
            env.put("PUBLISH_PER_SECOND", "1000000");
            try (ServerProcess app = ServerProcess.start(env)) {
                HangBench.run(app, redis, false); // warm-up, not reported
                return List.of(HangBench.run(app, redis, false), HangBench.run(app, redis, true));
            }
        }
    }

    // A throwaway redis-server on a free port, keeping nothing on disk.
    private static ServerProcess redisServer() throws java.io.IOException {
        return ServerProcess.start(port -> List.of("/usr/bin/redis-server", "--port",
                String.valueOf(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"),
                Map.of(), "Ready to accept connections", null);
    }

    private static Map<String, Object> notifications(Duration interval) throws Exception {
        Map<String, String> env = new LinkedHashMap<>(SERVER_ENV);
        env.put("NOTIFY_INTERVAL_MS", String.valueOf(interval.toMillis()));
        try (ServerProcess server = ServerProcess.start(env)) {
            warmUp(server);
            return NotificationsBench.run(server, 10_000, interval);
        }
    }

    /**
     * The same scenarios against every available server: echo, chat fan-out, and the cold storm.
     */
    private static List<Map<String, Object>> peers() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Peer peer : Peer.available()) {
            Map<String, Object> row = median(() -> peerRow(peer));
            rows.add(row);
            print("Side by side so far", List.of(row));
        }
        return rows;
    }

    private static Map<String, Object> peerRow(Peer peer) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("server", peer.name());
        try (ServerProcess server = peer.start("echo", SERVER_ENV)) {
            Map<String, Object> echo =
                    EchoBench.run(server, 100, Duration.ofSeconds(2), Duration.ofSeconds(4));
            row.put("echoRoundTripsPerSecond", echo.get("roundTripsPerSecond"));
            row.put("echoP99Ms", echo.get("p99Ms"));
        }
        try (ServerProcess server = peer.start("chat", SERVER_ENV)) {
            ChatBench bench = ChatBench.connect(server, 100);
            bench.step(5_000, Duration.ofSeconds(2), 0); // warm-up
            for (int rate : new int[] {20_000, 80_000}) {
                Map<String, Object> step = bench.step(rate, Duration.ofSeconds(2), 0);
                row.put("chat" + rate / 1000 + "kDeliveriesPerSecond",
                        step.get("deliveriesPerSecond"));
                row.put("chat" + rate / 1000 + "kP99Ms", step.get("p99Ms"));
                row.put("chat" + rate / 1000 + "kLoss", step.get("loss"));
            }
        }
        for (int inFlight : new int[] {0, 200}) {
            try (ServerProcess server = peer.start("notifications", SERVER_ENV)) {
                Map<String, Object> cold =
                        NotificationsBench.run(server, 10_000, Duration.ofSeconds(2), inFlight);
                String pattern = inFlight == 0 ? "coldAllAtOnce" : "cold200InFlight";
                row.put(pattern + "OnTime", cold.get("onTime"));
                row.put(pattern + "GapP99Percent", cold.get("gapErrorP99Percent"));
                row.put(pattern + "ConnectSeconds", cold.get("connectSeconds"));
                row.put(pattern + "ServerCores", cold.get("serverCores"));
            }
        }
        return row;
    }

    /**
     * A storm of subscribers against a throwaway server, so that the load generator's own JIT is
     * warm when the fresh server's cold start is measured: the storm is about the server's cold
     * start, and a cold generator stamps arrivals late while it compiles its own handshake code.
     */
    private static void warmTheLoadGenerator() throws Exception {
        Map<String, String> env = new LinkedHashMap<>(SERVER_ENV);
        env.put("NOTIFY_INTERVAL_MS", "200");
        try (ServerProcess throwaway = ServerProcess.start(env)) {
            NotificationsBench.run(throwaway, 10_000, Duration.ofMillis(200), 0);
        }
    }

    /** A burst of connects and closes first, so that a cold JIT isn't what is measured. */
    private static void warmUp(ServerProcess server) {
        Connections.open(URI.create("ws://127.0.0.1:" + server.port + "/ws"), 10_000,
                i -> (socket, message) -> { }).closeAll();
    }

    /** Per client count, the highest delivery rate whose p99 stayed under 100 ms with no loss. */
    private static List<Map<String, Object>> best(List<Map<String, Object>> steps) {
        Map<Object, Map<String, Object>> byClients = new LinkedHashMap<>();
        for (Map<String, Object> step : steps) {
            boolean ok = ((Number) step.get("p99Ms")).doubleValue() < 100
                    && ((Number) step.get("loss")).longValue() == 0;
            Map<String, Object> current = byClients.get(step.get("clients"));
            if (ok && (current == null || rate(step) > rate(current))) {
                byClients.put(step.get("clients"), step);
            }
        }
        return new ArrayList<>(byClients.values());
    }

    private static long rate(Map<String, Object> step) {
        return ((Number) step.get("deliveriesPerSecond")).longValue();
    }

    interface Run {
        Map<String, Object> once() throws Exception;
    }

    private static Map<String, Object> median(Run run) throws Exception {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(run.once());
        }
        return medianOf(runs);
    }

    /**
     * Each numeric figure's median across the runs (so one row may mix runs); others from the
     * first.
     */
    private static Map<String, Object> medianOf(List<Map<String, Object>> runs) {
        Map<String, Object> median = new LinkedHashMap<>(runs.get(0));
        for (String key : median.keySet()) {
            if (median.get(key) instanceof Number) {
                List<Double> values = new ArrayList<>();
                runs.forEach(r -> values.add(((Number) r.get(key)).doubleValue()));
                values.sort(Comparator.naturalOrder());
                double middle = values.get(values.size() / 2);
                median.put(key, runs.get(0).get(key) instanceof Double ? round(middle)
                        : (Object) Math.round(middle));
            }
        }
        return median;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void print(String title, List<Map<String, Object>> rows) {
        System.out.println();
        System.out.println("## " + title);
        if (rows.isEmpty()) {
            System.out.println("(none)");
            return;
        }
        List<String> keys = new ArrayList<>(rows.get(0).keySet());
        System.out.println("| " + String.join(" | ", keys) + " |");
        System.out.println("|" + "---|".repeat(keys.size()));
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            keys.forEach(key -> cells.add(String.valueOf(row.get(key))));
            System.out.println("| " + String.join(" | ", cells) + " |");
        }
        System.out.flush();
    }
}
