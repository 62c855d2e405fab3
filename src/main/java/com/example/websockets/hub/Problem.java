package com.example.websockets.hub;

import com.example.websockets.app.Json;
import com.example.websockets.app.Printable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5: an error answer in the standard shape of RFC 9457 ({@code application/problem+json}),
 * so any HTTP client can read what went wrong and, for a bad field, which one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String field) {

    private static final Logger log = LoggerFactory.getLogger(Problem.class);

    static void answer(Context ctx, HttpStatus status, String detail) {
        answer(ctx, status, detail, null);
    }

    static void answer(Context ctx, HttpStatus status, String detail, String field) {
        // The detail may quote what the client sent: made printable, it can't forge a log line.
        log.info("Answered {} {} from {} with {}: {}", ctx.method(), Printable.of(ctx.path()),
                ctx.ip(), status.getCode(), Printable.of(detail));
        Problem problem =
                new Problem("about:blank", status.getMessage(), status.getCode(), detail, field);
        ctx.status(status).contentType("application/problem+json").result(Json.write(problem));
    }
}
