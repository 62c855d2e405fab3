package com.example.websockets.hub;

import com.example.websockets.app.Json;
import com.example.websockets.app.Secret;
import com.example.websockets.broker.Broker;
import com.example.websockets.production.MessageRate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 5: {@code POST /api/notifications}, how code outside the server publishes. It answers 202
 * with the new id, or a problem: 503 while publishing is off, 401 without a token or with a
 * wrong one, 429 over the rate, 413 for a body over 16 KiB, 415 for a body not sent as
 * application/json, 400 naming the field that is wrong (or a bad {@code Idempotency-Key}); 503
 * when it could not be stored, 504 when it is not known whether it was (retry with the same
 * {@code Idempotency-Key}, and subscribers get it once).
 */
final class Publishing {

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final int MAX_KEY = 200;
    private static final Logger log = LoggerFactory.getLogger(Publishing.class);
    private static final ObjectReader DRAFTS = Json.MAPPER.readerFor(Draft.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final NotificationHub hub;
    private final byte[] tokenHash;
    private final MessageRate rate;

    Publishing(NotificationHub hub, Secret token, MessageRate rate) {
        this.hub = hub;
        this.tokenHash = token.isSet() ? sha256(token.value()) : null;
        this.rate = rate;
        if (tokenHash == null) {
            log.info("PUBLISH_TOKEN is not set: POST /api/notifications answers 503 until it is");
        }
    }

    // tag::publish[]
    void handle(Context ctx) {
        if (tokenHash == null) {
            Problem.answer(ctx, HttpStatus.SERVICE_UNAVAILABLE,
                    "Publishing is off: start the server with PUBLISH_TOKEN=<a secret> and send"
                            + " Authorization: Bearer <it>");
            return;
        }
        String authorization = ctx.header("Authorization");
        // A scheme's name is case-insensitive (RFC 9110): "bearer" is "Bearer".
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer");
            Problem.answer(ctx, HttpStatus.UNAUTHORIZED,
                    "Send Authorization: Bearer <PUBLISH_TOKEN>");
            return;
        }
        // Hashes have one length, and isEqual looks at every byte: the time taken says nothing
        // about the token.
        if (!MessageDigest.isEqual(tokenHash, sha256(authorization.substring(7)))) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\""); // RFC 6750
            Problem.answer(ctx, HttpStatus.UNAUTHORIZED, "That token may not publish");
            return;
        }
        if (!rate.allow()) {
            ctx.header("Retry-After", String.valueOf(rate.secondsToNext()));
            Problem.answer(ctx, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many publishes: try again after Retry-After seconds");
            return;
        }
        // end::publish[]
        if (ctx.contentLength() > MAX_BODY_BYTES || ctx.bodyAsBytes().length > MAX_BODY_BYTES) {
            Problem.answer(ctx, HttpStatus.CONTENT_TOO_LARGE,
                    "The body may be at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        if (!"application/json".equals(
                ctx.contentType() == null ? null : ctx.contentType().split(";")[0].trim())) {
            Problem.answer(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Send the notification as application/json");
            return;
        }
        Draft draft;
        try {
            draft = DRAFTS.readValue(ctx.bodyAsBytes());
        } catch (UnrecognizedPropertyException unknown) {
            Problem.answer(ctx, HttpStatus.BAD_REQUEST,
                    unknown.getPropertyName() + " is not a field of a notification",
                    unknown.getPropertyName());
            return;
        } catch (MismatchedInputException wrong) {
            String field = wrong.getPath().isEmpty() ? null : wrong.getPath().get(0).getFieldName();
            Problem.answer(ctx, HttpStatus.BAD_REQUEST,
                    field == null ? "The body must be a JSON object" : field + " must be a string",
                    field);
            return;
        } catch (IOException malformed) {
            Problem.answer(ctx, HttpStatus.BAD_REQUEST, "The body is not valid JSON");
            return;
        }
        Draft.Invalid invalid = draft == null
                ? new Draft.Invalid(null, "The body must be a JSON object") : draft.problem();
        if (invalid != null) {
            Problem.answer(ctx, HttpStatus.BAD_REQUEST, invalid.reason(), invalid.field());
            return;
        }
        // A retry with the same Idempotency-Key reaches subscribers once, and gets the first id.
        String key = ctx.header("Idempotency-Key");
        if (key != null && (key.isBlank() || key.length() > MAX_KEY)) {
            Problem.answer(ctx, HttpStatus.BAD_REQUEST,
                    "Idempotency-Key must be 1 to " + MAX_KEY + " characters");
            return;
        }
        ctx.future(() -> hub.publish(draft.withDefaults(), key).toCompletableFuture()
                .handle((id, failure) -> {
                    answer(ctx, id, Broker.cause(failure));
                    return null;
                }));
    }

    private static void answer(Context ctx, Long id, Throwable failure) {
        if (failure == null) {
            ctx.status(HttpStatus.ACCEPTED).json(Map.of("id", id));
        } else if (failure instanceof Broker.Unavailable) {
            ctx.header("Retry-After", "5");
            Problem.answer(ctx, HttpStatus.SERVICE_UNAVAILABLE,
                    "Not published: notifications can't be stored right"
                            + " now. Try again shortly");
        } else {
            Problem.answer(ctx, HttpStatus.GATEWAY_TIMEOUT,
                    "Not known whether it was published: send it again with"
                            + " the same Idempotency-Key, and it reaches subscribers once");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
