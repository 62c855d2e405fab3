package com.example.websockets.production;

import io.javalin.config.JavalinConfig;

/**
 * The rules every page and asset of the app follows: the Host check, and headers that let the
 * browser run only the app's own script files, connect only back to the app, and never show a
 * page inside another site's frame.
 */
final class PagePolicy {

    // tag::page-headers[]
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",   // scripts, styles and the rest: only the app's own files
            "connect-src 'self'",   // sockets and fetches: only back to the app
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'"); // no other site may frame the page (clickjacking)

    static void addTo(JavalinConfig config, HostCheck hosts) {
        config.routes.before(ctx -> {
            hosts.check(ctx);
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            ctx.header("X-Content-Type-Options", "nosniff"); // a script is only ever run
                                                             // as a script
            ctx.header("Referrer-Policy", "no-referrer");
        });
    }
    // end::page-headers[]
}
