package com.example.websockets.echo;

import com.example.websockets.app.ChapterStep;
import com.example.websockets.app.Pages;
import io.javalin.config.JavalinConfig;

/**
 * Step 1 of CHAPTER.md, the chapter's "WebSocket Routes": {@code GET /} serves the echo page
 * and {@code /ws} answers every text message with {@code Message received: <text>}.
 */
public final class EchoEndpoint implements ChapterStep {

    private final String page = Pages.load("echo/echo.html");

    @Override
    public void addTo(JavalinConfig config) {
        // tag::echo[]
        config.routes.get("/", ctx -> ctx.html(page));
        config.routes.ws("/ws", ws -> {
            ws.onMessage(ctx -> ctx.send("Message received: " + ctx.message()));
        });
        // end::echo[]
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Echo: open http://" + hostAndPort + "/ or run java examples/EchoClient.java";
    }
}
