package com.example.websockets.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately bare WebSocket client for hostile-input tests: it sends frames that a proper
 * client library refuses to build, such as a text frame that isn't valid UTF-8.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    public final List<String> handshakeHeaders = new ArrayList<>();
    private int status;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.socket.setSoTimeout((int) TestSocket.WAIT.toMillis());
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawWebSocket connect(int port, String path) {
        return connect(port, path, Map.of(), "127.0.0.1");
    }

    /**
     * Opens a WebSocket from {@code fromAddress} (any 127.x.y.z is this machine) with these extra
     * handshake headers, e.g. another {@code Host}; fails unless the server answers 101.
     */
    public static RawWebSocket connect(int port, String path, Map<String, String> headers,
            String fromAddress) {
        RawWebSocket raw = handshake(port, path, headers, fromAddress);
        if (raw.status != 101) {
            throw new AssertionError("Handshake refused with HTTP " + raw.status);
        }
        return raw;
    }

    /** The HTTP status the server answers such a handshake with: 101 when it accepts. */
    public static int handshakeStatus(int port, String path, Map<String, String> headers,
            String fromAddress) {
        try (RawWebSocket raw = handshake(port, path, headers, fromAddress)) {
            return raw.status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The HTTP status a handshake gets over TLS (through a proxy) from {@code fromAddress}; a
     * socket that is accepted (101) is kept open and added to {@code open}.
     */
    public static int handshakeOverTls(SSLContext tls, int port, String path, String fromAddress,
            List<RawWebSocket> open) {
        try {
            Socket socket = tls.getSocketFactory().createSocket(InetAddress.getByName("127.0.0.1"),
                    port, InetAddress.getByName(fromAddress), 0);
            RawWebSocket raw = handshake(socket, port, path, Map.of("Host", "localhost:" + port));
            if (raw.status == 101) {
                open.add(raw);
            } else {
                raw.close();
            }
            return raw.status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawWebSocket handshake(int port, String path, Map<String, String> headers,
            String fromAddress) {
        try {
            return handshake(new Socket(InetAddress.getByName("127.0.0.1"), port,
                    InetAddress.getByName(fromAddress), 0), port, path, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawWebSocket handshake(Socket socket, int port, String path,
            Map<String, String> headers) {
        try {
            RawWebSocket raw = new RawWebSocket(socket);
            Map<String, String> all = new LinkedHashMap<>(Map.of("Host", "127.0.0.1:" + port));
            all.putAll(headers);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
            all.forEach((name, value) -> request.append(name).append(": ").append(value)
                    .append("\r\n"));
            String key = Base64.getEncoder()
                    .encodeToString("raw-test-client!".getBytes(StandardCharsets.US_ASCII));
            request.append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
                    .append(key)
                    .append("\r\nSec-WebSocket-Version: 13\r\n\r\n");
            raw.out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            String status = raw.readLine(); // "HTTP/1.1 101 Switching Protocols"
            raw.status = Integer.parseInt(status.split(" ")[1]);
            for (String header = raw.readLine(); !header.isEmpty(); header = raw.readLine()) {
                raw.handshakeHeaders.add(header);
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one final, masked frame, as a client must. */
    public void sendFrame(int opcode, byte[] payload) {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (payload.length >= 126) {
                throw new IllegalArgumentException("keep test payloads under 126 bytes");
            }
            frame.write(0x80 | payload.length);
            byte[] mask = {1, 2, 3, 4};
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            out.write(frame.toByteArray());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads frames until the server's close frame and returns its status code. */
    public int awaitCloseCode() {
        try {
            while (true) {
                int opcode = in.readUnsignedByte() & 0x0F;
                int length = in.readUnsignedByte() & 0x7F; // server frames are unmasked
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = (int) in.readLong();
                }
                byte[] payload = in.readNBytes(length);
                if (opcode == 0x8) {
                    return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads until the server ends the TCP connection (end of stream or a reset), without ever
     * answering its close frame; fails if it is still open after {@link TestSocket#WAIT}.
     */
    public void awaitEnd() {
        try {
            while (in.read() != -1) {
                // whatever else the server sent before it ended the connection
            }
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("still open after " + TestSocket.WAIT, stillOpen);
        } catch (IOException reset) {
            // a reset ends it too
        }
    }

    /**
     * Drops the connection the way a lost network or a proxy restart does: a TCP reset, no close
     * frame.
     */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("connection closed during the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
