package com.example.websockets.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server the benchmark can measure: this project's app, or, for comparison, the chapter's own
 * FastAPI code exactly as the chapter gives it, and the same three examples on Node's ws. The
 * peers are optional: without them installed, the benchmark says how to install them.
 */
record Peer(String name, Starter starter) {

    private static final Path PEERS = Path.of("src/test/bench-peers");
    private static final String PYTHON = "/usr/bin/python3"; // Debian's, where its fastapi
                                                             // package goes

    interface Starter {
        ServerProcess start(String example, Map<String, String> env) throws IOException;
    }

    ServerProcess start(String example, Map<String, String> env) throws IOException {
        return starter.start(example, env);
    }

    /** This app always; the peers whose software is installed, with a hint for the others. */
    static List<Peer> available() {
        List<Peer> peers = new ArrayList<>();
        peers.add(new Peer("javalin", (example, env) -> ServerProcess.start(env)));
        if (runs(PYTHON, "-c", "import fastapi, uvicorn, websockets")) {
            // Each of the chapter's examples is an app of its own: echo.py, chat.py,
            // notifications.py.
            peers.add(new Peer("fastapi", (example, env) -> ServerProcess.start(
                    port -> List.of(PYTHON, "-m", "uvicorn", example + ":app",
                            "--host", "127.0.0.1", "--port", String.valueOf(port),
                            "--log-level", "warning", "--backlog", "4096"),
                    env, null, PEERS.resolve("fastapi"))));
        } else {
            System.out.println("Skipping FastAPI: apt-get install -y python3-fastapi"
                    + " python3-uvicorn python3-websockets");
        }
        if (Files.isDirectory(PEERS.resolve("node/node_modules/ws")) && runs("node", "--version")) {
            peers.add(new Peer("node", (example, env) -> ServerProcess.start(
                    port -> List.of("node", "server.js"), env,
                    "listening", PEERS.resolve("node"))));
        } else {
            System.out.println("Skipping Node: (cd " + PEERS.resolve("node") + " && npm ci)");
        }
        return peers;
    }

    /**
     * The peers, with Jetty's own WebSocket server second (no servlet, no Javalin:
     * {@link BareJettyEcho}), for the handshake figure: what the JVM and Jetty cost before Javalin
     * and the app add theirs.
     */
    static List<Peer> withBareJetty(List<Peer> peers) {
        List<Peer> all = new ArrayList<>(peers);
        all.add(1, new Peer("jetty", (example, env) -> ServerProcess.start(port -> {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(List.of(JvmOptions.SHIPPED.split(" ")));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                    BareJettyEcho.class.getName()));
            return command;
        }, env, "listening", null)));
        return all;
    }

    private static boolean runs(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
