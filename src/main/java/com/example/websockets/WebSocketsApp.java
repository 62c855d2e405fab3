package com.example.websockets;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole chapter in one Javalin app: the echo page, the chat and the notifications.
 * {@code main} starts all three, or just one when given its name ({@code echo}, {@code chat},
 * {@code notifications}).
 */
public final class WebSocketsApp {

    private WebSocketsApp() {
    }

    public static void main(String[] args) {
        Settings settings = Settings.fromEnvironment();
        List<WebSocketExample> examples = select(args.length == 0 ? "all" : args[0], settings);
        Javalin app = create(settings, examples).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "shutdown"));
        welcome(examples, "localhost:" + app.port()).forEach(System.out::println);
    }

    /** What {@code main} prints once the server is up: how to try each example. */
    static List<String> welcome(List<WebSocketExample> examples, String hostAndPort) {
        List<String> lines = new ArrayList<>();
        examples.forEach(example -> lines.add(example.howToTry(hostAndPort)));
        lines.add("Ctrl+C stops the server.");
        return lines;
    }

    // tag::app[]
    public static Javalin create(Settings settings, List<WebSocketExample> examples) {
        return Javalin.create(config -> {
            config.jetty.port = settings.port();
            ServerCapacity.addTo(config, settings);
            config.staticFiles.add(assets -> {
                assets.hostedPath = "/assets";
                assets.directory = "/assets";
                assets.location = Location.CLASSPATH;
            });
            SocketPolicy.addTo(config, settings);
            examples.forEach(example -> example.addTo(config));
        });
    }
    // end::app[]

    static List<WebSocketExample> select(String name, Settings settings) {
        return switch (name) {
            case "echo" -> List.of(new EchoEndpoint());
            case "chat" -> List.of(new ChatEndpoint(settings));
            case "notifications" -> List.of(new NotificationEndpoint(settings.notifyInterval()));
            case "all" -> List.of(new EchoEndpoint(), new ChatEndpoint(settings),
                    new NotificationEndpoint(settings.notifyInterval()));
            default -> throw new IllegalArgumentException(
                    "Unknown example '" + name + "': use echo, chat, notifications, or no name for all");
        };
    }
}
