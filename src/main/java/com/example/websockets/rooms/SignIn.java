package com.example.websockets.rooms;

import com.example.websockets.app.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Map;

/**
 * Step 4's {@code POST /api/session}: checks the name a user picked and answers with a signed
 * session cookie, or with 400 (a bad name), 409 (someone else online has it) or 415 (not sent
 * as JSON).
 * {@code GET /api/session} tells a page whether its sign-in still holds: 200 and the name, 401 when
 * it has ended, or 409 when someone else has the name now.
 */
final class SignIn {

    private final Lobby lobby;
    private final SessionCookie cookies;

    SignIn(Lobby lobby, SessionCookie cookies) {
        this.lobby = lobby;
        this.cookies = cookies;
    }

    void handle(Context ctx) {
        // A form on another site can't send JSON without the browser asking this app first.
        if (ctx.contentType() == null || !ctx.contentType().startsWith("application/json")) {
            refuse(ctx, 415, "Send JSON such as {\"name\": \"Alice\"}");
            return;
        }
        String name;
        try {
            name = Names.check("name", Json.MAPPER.readTree(ctx.body()).path("name").textValue());
        } catch (JsonProcessingException notJson) {
            refuse(ctx, 400, "Send JSON such as {\"name\": \"Alice\"}");
            return;
        } catch (IllegalArgumentException badName) {
            refuse(ctx, 400, badName.getMessage());
            return;
        }
        // tag::sign-in[]
        // The same person signing in again, with their own cookie, keeps their id: no clash.
        String id = cookies.read(ctx.cookie(SessionCookie.NAME))
                .filter(holder -> Names.key(holder.name()).equals(Names.key(name)))
                .map(SessionCookie.Holder::id).orElse(null);
        if (lobby.isTakenByAnother(name, id)) {
            refuse(ctx, 409, "Someone online is already called " + name);
            return;
        }
        // Secure when the page came over HTTPS (directly, or through a trusted proxy), and only
        // then, so that http://localhost keeps working.
        ctx.cookie(new Cookie(SessionCookie.NAME, cookies.issue(name, id), "/",
                (int) SessionCookie.LIFETIME.toSeconds(), ctx.req().isSecure(), true, null,
                SameSite.STRICT));
        ctx.json(Map.of("name", name));
        // end::sign-in[]
    }

    /**
     * Who the browser's cookie says it is; 401 without a valid one, 409 if someone else has its
     * name now. A page can't see why its handshake was refused: it asks here.
     */
    void current(Context ctx) {
        cookies.read(ctx.cookie(SessionCookie.NAME)).ifPresentOrElse(holder -> {
            if (lobby.isTakenByAnother(holder.name(), holder.id())) {
                refuse(ctx, 409, "Someone online is already called " + holder.name()
                        + ": sign in with another name");
            } else {
                ctx.json(Map.of("name", holder.name()));
            }
        }, () -> refuse(ctx, 401, "Your sign-in has ended: please sign in again."));
    }

    private static void refuse(Context ctx, int status, String reason) {
        ctx.status(status).json(Map.of("error", reason));
    }
}
