package com.example.websockets.production;

import com.example.websockets.app.Variables;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The numbers the production rules hold every socket and page to, from environment variables;
 * README.md lists them all with their defaults.
 *
 * @param idleTimeout       {@code IDLE_TIMEOUT_MS}: pings go out at half this (a beat); a peer
 *                          that sends nothing, not even a pong, for a whole beat is cut at the
 *                          next one; Jetty closes a socket with no traffic at all for this long
 * @param maxMessageBytes   {@code MAX_MESSAGE_BYTES}: a bigger text message closes its socket
 *                          with 1009
 * @param maxQueuedMessages {@code MAX_QUEUED_MESSAGES}: a client with more messages waiting is
 *                          cut off; a bound on memory: one that stopped reading is cut by the
 *                          heartbeat first
 * @param messageRate       {@code CHAT_MESSAGES_PER_SECOND}: what one client of the chat, the
 *                          rooms or the hub may send, sustained; over it, closed with 1008
 * @param messageBurst      {@code CHAT_MESSAGE_BURST}: what one such client may send at once
 * @param maxConnections    {@code MAX_CONNECTIONS}: open WebSockets beyond this get HTTP 503
 * @param maxPerAddress     {@code MAX_CONNECTIONS_PER_ADDRESS}: open WebSockets per client
 *                          address (0: no cap)
 * @param allowedOrigins    {@code ALLOWED_ORIGINS}: origins allowed besides the app's own
 * @param allowedHosts      {@code ALLOWED_HOSTS}: host names the app answers to besides
 *                          localhost and IPs
 * @param closeGrace        {@code CLOSE_GRACE_MS}: how long a forced close waits before cutting
 *                          the client
 * @param trustedProxies    {@code TRUSTED_PROXIES}: reverse proxies whose forwarded headers name
 *                          the client
 */
public record Limits(
        Duration idleTimeout,
        int maxMessageBytes,
        int maxQueuedMessages,
        int messageRate,
        int messageBurst,
        int maxConnections,
        int maxPerAddress,
        Set<String> allowedOrigins,
        Set<String> allowedHosts,
        Duration closeGrace,
        Set<String> trustedProxies) {

    public static Limits from(Variables variables) {
        return new Limits(
                variables.millis("IDLE_TIMEOUT_MS", 30_000),
                variables.number("MAX_MESSAGE_BYTES", 64 * 1024),
                variables.number("MAX_QUEUED_MESSAGES", 16_384),
                variables.number("CHAT_MESSAGES_PER_SECOND", 10),
                variables.number("CHAT_MESSAGE_BURST", 20),
                variables.number("MAX_CONNECTIONS", 20_000),
                variables.number("MAX_CONNECTIONS_PER_ADDRESS", 100),
                variables.list("ALLOWED_ORIGINS"),
                variables.list("ALLOWED_HOSTS").stream().map(name -> name.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()),
                variables.millis("CLOSE_GRACE_MS", 2000),
                variables.list("TRUSTED_PROXIES"));
    }
}
