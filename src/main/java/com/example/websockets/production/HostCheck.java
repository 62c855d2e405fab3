package com.example.websockets.production;

import io.javalin.http.Context;
import io.javalin.http.MisdirectedRequestResponse;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers only requests addressed to this app. A page on an attacker's domain that re-resolves to
 * 127.0.0.1 (DNS rebinding) reaches the app with the attacker's name in its {@code Host} header;
 * that request is refused with 421. Allowed: IP addresses, {@code localhost}, and the names in
 * {@code ALLOWED_HOSTS}.
 */
final class HostCheck {

    private static final Logger log = LoggerFactory.getLogger(HostCheck.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}");

    private final Set<String> allowedHosts;

    HostCheck(Set<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    boolean allows(String host) {
        if (host == null) {
            return true; // no name at all, so none to rebind; browsers always send one
        }
        String name = nameOf(host.toLowerCase(Locale.ROOT));
        return name != null && (name.equals("localhost") || IPV4.matcher(name).matches()
                || IPV6.matcher(name).matches() || allowedHosts.contains(name));
    }

    /** Refuses the request with 421 unless its Host is allowed; for pages and handshakes alike. */
    void check(Context ctx) {
        if (!allows(ctx.header("Host"))) {
            // The header is the attacker's text: neither logged nor echoed back.
            log.info("Refused a request for {} {}: its Host header names an unknown host",
                    ctx.method(), ctx.path());
            throw new MisdirectedRequestResponse("This server does not answer to that host name");
        }
    }

    // "example.com:8000" -> "example.com", "[::1]:8000" -> "[::1]"; null when malformed.
    private static String nameOf(String host) {
        int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
        if (end <= 0) {
            return host.startsWith("[") ? null : host;
        }
        String port = host.substring(end);
        return port.isEmpty() || PORT.matcher(port).matches() ? host.substring(0, end) : null;
    }
}
