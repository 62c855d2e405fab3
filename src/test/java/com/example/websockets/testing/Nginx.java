package com.example.websockets.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx in front of the app, over HTTPS with a certificate made for the test, configured
 * by {@code src/test/resources/nginx/websockets.conf}: the file the production page shows. It
 * reaches the app from 127.0.0.9, so that the app can tell the proxy from a direct client.
 */
public final class Nginx implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");
    public static final String INSTALL = "apt-get install -y nginx openssl";
    public static final String PROXY_ADDRESS = "127.0.0.9";

    public final int port;
    public final SSLContext tls;
    private final Path folder;
    private final Process process;

    private Nginx(int port, SSLContext tls, Path folder, Process process) {
        this.port = port;
        this.tls = tls;
        this.folder = folder;
        this.process = process;
    }

    /**
     * Starts nginx before the app on {@code appPort}, or skips the test (fails it when CI=true)
     * without nginx.
     */
    public static Nginx start(int appPort, Duration readTimeout) {
        if (!Files.isExecutable(NGINX) || !Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            String missing = "The tests behind a reverse proxy need nginx and openssl;"
                    + " install them with: " + INSTALL;
            if ("true".equals(System.getenv("CI"))) {
                fail(missing);
            }
            Assumptions.abort(missing);
        }
        try {
            Path folder = Files.createTempDirectory("nginx-");
            run(List.of("/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", folder.resolve("key.pem").toString(),
                    "-out", folder.resolve("cert.pem").toString()));
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Files.writeString(folder.resolve("listen.conf"), "listen 127.0.0.1:" + port + " ssl;\n"
                    + "ssl_certificate " + folder.resolve("cert.pem") + ";\n"
                    + "ssl_certificate_key " + folder.resolve("key.pem") + ";\n");
            Files.copy(Path.of("src/test/resources/nginx/websockets.conf"),
                    folder.resolve("websockets.conf"));
            Files.writeString(folder.resolve("nginx.conf"), "daemon off;\nuser root;\npid "
                    + folder.resolve("nginx.pid") + ";\n"
                    + "error_log " + folder.resolve("error.log") + ";\nevents { }\nhttp {\n"
                    + "    access_log off;\n    client_body_temp_path " + folder + ";\n"
                    + "    proxy_temp_path " + folder + ";\n"
                    + "    upstream app { server 127.0.0.1:" + appPort + "; }\n"
                    + "    proxy_bind " + PROXY_ADDRESS + ";\n"
                    + "    proxy_read_timeout " + readTimeout.toMillis() + "ms;\n"
                    + "    include " + folder.resolve("websockets.conf") + ";\n}\n");
            Process process = new ProcessBuilder(NGINX.toString(), "-p", folder.toString(), "-c",
                    folder.resolve("nginx.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("out.log").toFile()).start();
            Nginx nginx = new Nginx(port, trusting(folder.resolve("cert.pem")), folder, process);
            Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError(
                            "nginx exited: " + Files.readString(folder.resolve("out.log")));
                }
                try (Socket answers = new Socket("127.0.0.1", port)) {
                    return true;
                }
            });
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // A TLS context that trusts the test's own certificate, as a browser would after an exception.
    private static SSLContext trusting(Path certificate) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509")
                    .generateCertificate(
                            new ByteArrayInputStream(Files.readAllBytes(certificate))));
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException("Can't trust the test's certificate", e);
        }
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("failed: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it up in time
        }
    }
}
