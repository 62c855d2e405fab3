package com.example.websockets.classroom;

import static org.junit.jupiter.api.Assertions.fail;

import com.example.websockets.testing.TestSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * One named client in an exercise's test. When something goes wrong it says, in plain words,
 * who sent what, what was expected, and what arrived instead.
 */
public final class Peer {

    // The chapter's notifications come 2 s apart: 5 s leaves room for a busy machine.
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration SLICE = Duration.ofMillis(20);
    // How long "nothing more" listens: messages of the moment arrive within milliseconds.
    private static final Duration QUIET = Duration.ofMillis(500);

    private final String name;
    private final TestSocket socket;
    private final ExerciseServer server;
    private String lastSent;

    private Peer(String name, TestSocket socket, ExerciseServer server) {
        this.name = name;
        this.socket = socket;
        this.server = server;
    }

    /** Connects to {@code path} (which may carry a query, e.g. {@code /chat?name=Alice}). */
    public static Peer connect(String name, ExerciseServer server, String path) {
        int before = server.opened();
        try {
            TestSocket socket = TestSocket.connect(server.port(), path, Map.of(), true);
            Peer peer = new Peer(name, socket, server);
            server.peerConnected(before, name);
            return peer;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                fail(name + " tried to connect to " + path + " but the server refused with HTTP "
                        + refused.getResponse().statusCode());
            }
            fail(name + " could not connect to " + path + ": " + e.getCause());
            return null;
        }
    }

    public void send(String text) {
        lastSent = text;
        try {
            socket.send(text);
        } catch (CompletionException e) {
            TestSocket.Close close = socket.pollClose(Duration.ZERO);
            fail(name + " could not send " + quote(text) + ": " + (close != null
                    ? "the server had closed the connection (" + close.code() + " "
                            + quote(close.reason()) + ")"
                    : e.getCause()));
        }
    }

    /** The next message this client receives must be exactly {@code expected}. */
    public void expect(String expected) {
        String arrived = socket.poll(WAIT);
        if (arrived == null) {
            TestSocket.Close close = socket.pollClose(Duration.ZERO);
            fail(name + " expected " + quote(expected) + " but "
                    + (close != null
                            ? "the server closed the connection (" + close.code() + " "
                                    + close.reason() + ")"
                            : "nothing arrived within " + WAIT.toSeconds() + " s") + after());
        }
        if (!arrived.equals(expected)) {
            fail(name + " expected " + quote(expected) + " but got " + quote(arrived) + after());
        }
    }

    /**
     * Nothing more arrives for any of {@code peers}: each listens, together, for half a second.
     * Put it after the last message a test expects, so that an extra message can't go unseen.
     */
    public static void expectNothingMore(Peer... peers) {
        long deadline = System.nanoTime() + QUIET.toNanos();
        for (Peer peer : peers) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            String arrived = peer.socket.poll(left);
            if (arrived != null) {
                fail(peer.name + " expected nothing more but got " + quote(arrived)
                        + peer.after());
            }
        }
    }

    /** Nothing more arrives for this client (see {@link #expectNothingMore(Peer...)}). */
    public void expectNothingMore() {
        expectNothingMore(this);
    }

    /** The next message, whatever it is; fails if none arrives. */
    public String next() {
        String arrived = socket.poll(WAIT);
        if (arrived == null) {
            fail(name + " expected a message but nothing arrived within " + WAIT.toSeconds()
                    + " s" + after());
        }
        return arrived;
    }

    /**
     * The next message must match {@code regex}; {@code shape} says it in words, e.g.
     * "Time: 14:03:07".
     */
    public void expectMatching(String regex, String shape) {
        String arrived = next();
        if (!arrived.matches(regex)) {
            fail(name + " expected a message like " + quote(shape) + " but got " + quote(arrived)
                    + after());
        }
    }

    /**
     * The server must close this connection with {@code code} and {@code reason}, sending
     * nothing before.
     */
    public void expectClose(int code, String reason) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String arrived = socket.poll(SLICE);
            if (arrived != null) {
                fail(expectedClose(code, reason) + " but got the message " + quote(arrived)
                        + after());
            }
            TestSocket.Close close = socket.pollClose(Duration.ZERO);
            if (close != null) {
                checkClose(close, code, reason);
                server.peerClosed(name);
                return;
            }
        }
        fail(expectedClose(code, reason) + " but it stayed open" + after());
    }

    /**
     * The server must close with {@code code} and {@code reason} soon; messages before the close
     * don't matter.
     */
    public void expectCloseSoon(int code, String reason) {
        TestSocket.Close close = socket.pollClose(WAIT);
        if (close == null) {
            fail(expectedClose(code, reason) + " but it was still open " + WAIT.toSeconds()
                    + " s later" + after());
        }
        checkClose(close, code, reason);
        server.peerClosed(name);
    }

    private void checkClose(TestSocket.Close close, int code, String reason) {
        if (close.code() != code || !close.reason().equals(reason)) {
            fail(expectedClose(code, reason) + " but it closed with " + close.code() + " "
                    + quote(close.reason()) + after());
        }
    }

    private String expectedClose(int code, String reason) {
        return name + " expected the server to close the connection with " + code + " "
                + quote(reason);
    }

    /** Closes this client's connection cleanly, as a closed browser tab does. */
    public void leave() {
        socket.close();
        server.peerClosed(name);
    }

    private String after() {
        return lastSent == null ? "." : " (" + name + " had last sent " + quote(lastSent) + ").";
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
