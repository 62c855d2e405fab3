package com.example.websockets;

import com.example.websockets.chat.ChatEndpoint;
import com.example.websockets.echo.EchoEndpoint;
import com.example.websockets.hub.HubEndpoint;
import com.example.websockets.notifications.NotificationEndpoint;
import com.example.websockets.rooms.RoomsEndpoint;
import com.example.websockets.rules.Broker;
import com.example.websockets.rules.ChapterStep;
import com.example.websockets.rules.Settings;
import com.example.websockets.rules.SocketPolicy;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The whole chapter in one Javalin app: the echo page, the chat, the notifications, and the
 * steps that go further: the rooms chat and the notification hub with its dashboard. {@code main}
 * starts every step, or just one when given its name ({@code echo}, {@code chat},
 * {@code notifications}, {@code rooms}, {@code hub}).
 */
public final class WebSocketsApp {

    private WebSocketsApp() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment();
        Broker broker;
        try {
            broker = Broker.from(settings);
        } catch (IllegalStateException unreachable) {
            System.err.println(unreachable.getMessage());
            System.exit(1);
            return;
        }
        List<ChapterStep> steps = select(args.length == 0 ? "all" : args[0], settings, broker);
        Javalin app = create(settings, steps).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            broker.close();
        }, "shutdown"));
        welcome(steps, "localhost:" + app.port()).forEach(System.out::println);
        if (!settings.host().equals("127.0.0.1") && !settings.host().equals("localhost")) {
            System.out.println("Listening on " + settings.host() + ": other machines can open http://<this machine's"
                    + " IP address>:" + app.port() + "/ (a host name they use must be in ALLOWED_HOSTS).");
        }
    }

    // tag::steps[]
    /**
     * The steps in the chapter's order, then those beyond it; a new step is one more line. The
     * broker carries the chat's broadcasts and the hub's notifications to the other instances, if any
     * (step 6).
     */
    static List<ChapterStep> steps(Settings settings, Broker broker) {
        return List.of(
                new EchoEndpoint(),
                new ChatEndpoint(settings, broker),
                new NotificationEndpoint(settings.notifyInterval()),
                new RoomsEndpoint(settings, broker),
                new HubEndpoint(settings, broker));
    }
    // end::steps[]

    /** What {@code main} prints once the server is up: how to try each step. */
    static List<String> welcome(List<ChapterStep> steps, String hostAndPort) {
        List<String> lines = new ArrayList<>();
        steps.forEach(step -> lines.add(step.howToTry(hostAndPort)));
        lines.add("Ctrl+C stops the server.");
        return lines;
    }

    // tag::app[]
    public static Javalin create(Settings settings, List<ChapterStep> steps) {
        return Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.staticFiles.add(assets -> {
                assets.hostedPath = "/assets";
                assets.directory = "/assets";
                assets.location = Location.CLASSPATH;
            });
            SocketPolicy.addTo(config, settings);
            steps.forEach(step -> step.addTo(config));
        });
    }
    // end::app[]

    /** Every step for {@code all}, else the one step of that name. */
    static List<ChapterStep> select(String name, Settings settings, Broker broker) {
        List<ChapterStep> all = steps(settings, broker);
        if (name.equals("all")) {
            return all;
        }
        return all.stream().filter(step -> step.name().equals(name)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("Unknown example '" + name + "': use "
                        + all.stream().map(ChapterStep::name).collect(Collectors.joining(", "))
                        + ", or no name for all"));
    }
}
