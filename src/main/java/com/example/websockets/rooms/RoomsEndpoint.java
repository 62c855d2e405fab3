package com.example.websockets.rooms;

import com.example.websockets.app.ChapterStep;
import com.example.websockets.app.DaemonThreads;
import com.example.websockets.app.Pages;
import com.example.websockets.broker.Broker;
import com.example.websockets.rooms.Protocol.BadMessage;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 4 of CHAPTER.md, "Going further": a chat people would really use, on {@code /rooms}. Users
 * sign in with a name, join rooms over one connection, see who is there and who is typing, send
 * private messages, and pick up what they missed after a dropped connection. Messages are JSON.
 */
public final class RoomsEndpoint implements ChapterStep {

    private static final Logger log = LoggerFactory.getLogger(RoomsEndpoint.class);
    private static final String HOLDER = "rooms-holder";

    private final Lobby lobby;
    private final Requests requests;
    private final ScheduledExecutorService presenceTimer =
            DaemonThreads.scheduler("rooms-presence");
    private final long presenceMillis;
    private final SessionCookie cookies;
    private final SignIn signIn;
    private final String page = Pages.load("rooms/rooms.html");

    /**
     * With the {@link Broker} that numbers, keeps and carries the rooms' messages (step 6: to every
     * instance).
     */
    public RoomsEndpoint(RoomsSettings settings, Broker broker) {
        this.presenceMillis = settings.presenceTimeout().toMillis();
        Presence presence = new Presence(presenceMillis, () -> System.nanoTime() / 1_000_000);
        Relay relay = new Relay(broker, settings.roomHistory());
        this.lobby = new Lobby(relay, presence);
        this.requests = new Requests(lobby, relay);
        this.cookies = new SessionCookie(secret(settings), Clock.systemUTC());
        this.signIn = new SignIn(lobby, cookies);
    }

    @Override
    public void addTo(JavalinConfig config) {
        // tag::routes[]
        config.routes.get("/rooms", ctx -> ctx.html(page));
        config.routes.post("/api/session", signIn::handle);
        config.routes.get("/api/session", signIn::current);
        config.routes.get("/api/rooms", ctx -> ctx.json(lobby.rooms()));
        config.routes.wsBeforeUpgrade("/rooms", this::admit);
        config.routes.ws("/rooms", ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(this::receive);
            ws.onClose(lobby::disconnect);
            ws.onError(lobby::disconnect);
        });
        // end::routes[]
        config.events.serverStarted(() -> {
            lobby.start();
            // Alive every third of the timeout, so that one lost beat doesn't make the others
            // forget us.
            every(presenceMillis / 3, lobby::beat);
            every(presenceMillis / 30, lobby::expire);
        });
        config.events.serverStopping(() -> {
            presenceTimer.shutdownNow();
            lobby.stop();
        });
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Rooms: open http://" + hostAndPort + "/rooms in two windows,"
                + " or run java examples/RoomsClient.java Alice";
    }

    // tag::admit[]
    // Only a signed-in browser gets a socket: its cookie says who it is.
    private void admit(Context ctx) {
        SessionCookie.Holder holder = cookies.read(ctx.cookie(SessionCookie.NAME))
                .orElseThrow(() -> {
                    log.info("Refused a rooms handshake without a valid session cookie");
                    return new UnauthorizedResponse("Sign in first: POST /api/session");
                });
        if (lobby.isTakenByAnother(holder.name(), holder.id())) {
            throw new ConflictResponse("Someone online is already called " + holder.name());
        }
        ctx.attribute(HOLDER, holder); // the socket's attributes start as the handshake's
    }

    // Two sign-ins for one free name can both pass admit at the same moment: only one gets in.
    private void connect(WsConnectContext ctx) {
        SessionCookie.Holder holder = ctx.attribute(HOLDER);
        if (!lobby.connect(ctx, holder)) {
            log.info("Refused a rooms socket: someone took its name a moment before");
            ctx.closeSession(WsCloseStatus.POLICY_VIOLATION,
                    "Someone online is already called " + holder.name()
                            + ": sign in with another name");
        }
    }
    // end::admit[]

    private void receive(WsMessageContext ctx) {
        try {
            requests.handle(ctx, Protocol.read(ctx.message()));
        } catch (BadMessage bad) {
            Lobby.send(ctx,
                    new ServerMessage.Error(bad.code, bad.getMessage())); // to the sender only
        }
    }

    private void every(long millis, Runnable task) {
        presenceTimer.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    private static byte[] secret(RoomsSettings settings) {
        if (settings.sessionSecret().isSet()) {
            return settings.sessionSecret().value().getBytes(StandardCharsets.UTF_8);
        }
        log.info("SESSION_SECRET is not set: rooms sign-ins use a random key, so they end when"
                + " the server restarts");
        return SessionCookie.randomSecret();
    }
}
