package com.example.websockets;

import com.example.websockets.app.ChapterStep;
import com.example.websockets.app.DaemonThreads;
import com.example.websockets.app.ServerSettings;
import com.example.websockets.app.ServerSetup;
import com.example.websockets.app.Variables;
import com.example.websockets.broker.Broker;
import com.example.websockets.chat.ChatEndpoint;
import com.example.websockets.echo.EchoEndpoint;
import com.example.websockets.hub.HubEndpoint;
import com.example.websockets.hub.HubSettings;
import com.example.websockets.instances.Instances;
import com.example.websockets.instances.SharedConnectionManager;
import com.example.websockets.metrics.SocketMetrics;
import com.example.websockets.notifications.NotificationEndpoint;
import com.example.websockets.production.Limits;
import com.example.websockets.production.Production;
import com.example.websockets.rooms.RoomsEndpoint;
import com.example.websockets.rooms.RoomsSettings;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole chapter in one Javalin app: the echo page, the chat, the notifications, and the
 * steps that go further. Here, and only here, the parts meet: each step, the production rules
 * and metrics around every step, and step 6's broker for the steps that share messages.
 * {@code main} starts every step, or just the one it is given the name of.
 */
public final class WebSocketsApp {

    /**
     * What a step is made from: the settings, and the broker (step 6: Redis), made once when
     * first asked for.
     */
    public static final class Parts {
        final Variables variables;
        private Broker broker;

        public Parts(Variables variables) {
            this.variables = variables;
        }

        synchronized Broker broker() {
            if (broker == null) {
                broker = Instances.broker(variables);
            }
            return broker;
        }

        public synchronized void close() {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** A step by the name that starts it alone. */
    record Step(String name, Function<Parts, ChapterStep> make) {
    }

    // tag::steps[]
    /** The steps in the chapter's order, then those beyond it: a new step is one more line. */
    static final List<Step> STEPS = List.of(
            new Step("echo", parts -> new EchoEndpoint()),
            new Step("chat", WebSocketsApp::chat),
            new Step("notifications", parts -> new NotificationEndpoint(
                    parts.variables.millis("NOTIFY_INTERVAL_MS", 2000),
                    DaemonThreads.scheduler("notifications"))),
            new Step("rooms", parts -> new RoomsEndpoint(
                    RoomsSettings.from(parts.variables), parts.broker())),
            new Step("hub", parts -> new HubEndpoint(
                    HubSettings.from(parts.variables), parts.broker())));

    /**
     * The sockets on which one client's message reaches many: each client there has a message
     * rate.
     */
    static final List<String> RATED_PATHS = List.of("/chat", "/rooms", "/hub");

    /** The routes that hold a response open, as Server-Sent Events: they count with the sockets. */
    static final List<String> STREAM_PATHS = List.of("/api/notifications/stream");
    // end::steps[]

    private WebSocketsApp() {
    }

    public static void main(String[] args) {
        Parts parts = new Parts(Variables.fromEnvironment());
        List<ChapterStep> steps;
        Javalin app;
        try {
            steps = select(args.length == 0 ? "all" : args[0], parts);
            app = create(parts.variables, steps);
        } catch (IllegalStateException | IllegalArgumentException cannotStart) {
            System.err.println(cannotStart.getMessage()); // an unknown step, a bad setting,
                                                          // no Redis
            System.exit(1);
            return;
        }
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            parts.close();
        }, "shutdown"));
        welcome(steps, "localhost:" + app.port()).forEach(System.out::println);
        String host = ServerSettings.from(parts.variables).host();
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            System.out.println("Listening on " + host
                    + ": other machines can open http://<this machine's IP address>:"
                    + app.port() + "/ (a host name they use must be in ALLOWED_HOSTS).");
        }
    }

    // tag::app[]
    /**
     * The app with these steps, inside the production rules and metrics that every socket
     * follows.
     */
    public static Javalin create(Variables variables, List<ChapterStep> steps) {
        return Javalin.create(config -> {
            ServerSetup.addTo(config, ServerSettings.from(variables));
            Production.addTo(config, Limits.from(variables), RATED_PATHS, STREAM_PATHS);
            SocketMetrics.addTo(config);
            steps.forEach(step -> step.addTo(config));
        });
    }
    // end::app[]

    public static Javalin create(Map<String, String> environment, List<ChapterStep> steps) {
        return create(Variables.of(environment), steps);
    }

    /** Every step for {@code all}, else the one step of that name; only those are made. */
    public static List<ChapterStep> select(String name, Parts parts) {
        List<Step> chosen = name.equals("all") ? STEPS
                : STEPS.stream().filter(step -> step.name().equals(name)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("Unknown example '" + name + "': use "
                    + STEPS.stream().map(Step::name).collect(Collectors.joining(", "))
                    + ", or no name for all");
        }
        return chosen.stream().map(step -> step.make().apply(parts)).toList();
    }

    /** What {@code main} prints once the server is up: how to try each step. */
    static List<String> welcome(List<ChapterStep> steps, String hostAndPort) {
        List<String> lines = new ArrayList<>();
        steps.forEach(step -> lines.add(step.howToTry(hostAndPort)));
        lines.add("Ctrl+C stops the server.");
        return lines;
    }

    // With Redis, the chat's broadcasts reach every instance (step 6); alone, it is the chapter's.
    private static ChatEndpoint chat(Parts parts) {
        if (!Instances.shared(parts.variables)) {
            return new ChatEndpoint();
        }
        return new ChatEndpoint(new SharedConnectionManager(parts.broker()));
    }

}
