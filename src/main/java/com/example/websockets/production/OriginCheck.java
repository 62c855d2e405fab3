package com.example.websockets.production;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses WebSocket handshakes from pages of other sites (Cross-Site WebSocket Hijacking): a
 * browser lets any page open a WebSocket to any server, so the server must check who is asking.
 * Allowed: no Origin at all (terminal clients), the host the request was sent to (if the Host
 * check allows it), localhost and 127.0.0.1 on the app's port, and the origins listed in
 * {@code ALLOWED_ORIGINS}.
 */
final class OriginCheck {

    private final Set<String> allowedOrigins;
    private final HostCheck hosts;

    OriginCheck(Set<String> allowedOrigins, HostCheck hosts) {
        this.allowedOrigins = allowedOrigins;
        this.hosts = hosts;
    }

    boolean allows(String origin, String host, int port) {
        if (origin == null) {
            return true;
        }
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        String authority = authorityOf(origin);
        if (authority == null) {
            return false; // "null", and anything else that isn't scheme://host[:port]
        }
        // The Host header is the client's word: trust it only for a name the Host check allows.
        return (authority.equals(lower(host)) && hosts.allows(host))
                || authority.equals("localhost:" + port)
                || authority.equals("127.0.0.1:" + port);
    }

    // "http://Example.com:8000" -> "example.com:8000"; null unless a plain http(s) origin.
    private static String authorityOf(String origin) {
        try {
            URI uri = new URI(origin);
            boolean web = "http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme());
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            if (!web || !bare || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null) {
                return null;
            }
            return lower(uri.getHost()) + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (Exception e) {
            return null;
        }
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
