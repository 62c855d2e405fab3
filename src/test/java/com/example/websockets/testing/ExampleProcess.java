package com.example.websockets.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the terminal clients in {@code examples/} the way a learner does
 * ({@code java examples/ChatClient.java URL}), types into it and reads what it prints.
 */
public final class ExampleProcess implements AutoCloseable {

    private static final long WAIT_SECONDS = 30; // includes compiling the source file

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final List<String> transcript = new ArrayList<>();
    private final String port;

    private ExampleProcess(Process process, String command, int port) {
        this.port = ":" + port;
        transcript.add("$ " + command);
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "example-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ExampleProcess start(String sourceFile, int port, String path) {
        return start(sourceFile, port, List.of(), List.of("ws://localhost:" + port + path));
    }

    /**
     * Runs {@code sourceFile} with {@code shown} arguments, as the transcript shows them, then
     * {@code hidden} ones (such as the test server's URL, which a learner leaves at its default).
     */
    public static ExampleProcess start(String sourceFile, int port, List<String> shown,
            List<String> hidden) {
        return start(sourceFile, port, shown, hidden, Map.of());
    }

    /**
     * As above, with {@code env} added to the example's environment (not shown in the
     * transcript).
     */
    public static ExampleProcess start(String sourceFile, int port, List<String> shown,
            List<String> hidden, Map<String, String> env) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8", "examples/" + sourceFile));
        command.addAll(shown);
        command.addAll(hidden);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            return new ExampleProcess(builder.start(),
                    String.join(" ", "java", "examples/" + sourceFile, String.join(" ", shown))
                            .strip(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void type(String line) {
        transcript.add("> " + line); // what the learner types, marked as such in CHAPTER.md
        try {
            stdin.write(line + "\n");
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the input, like Ctrl+D in a terminal. */
    public void endInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String nextLine() {
        try {
            String line = stdout.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                fail("The example printed nothing more within " + WAIT_SECONDS + " s");
            }
            transcript.add(line);
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public List<String> nextLines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(nextLine());
        }
        return lines;
    }

    public void expectLine(String expected) {
        assertEquals(expected, nextLine());
    }

    /**
     * What a learner's terminal shows, command and typed lines included, as if the client
     * had run with its default URL on port 8000.
     */
    public List<String> transcript() {
        return transcript.stream().map(line -> line.replace(port, ":8000")).toList();
    }

    public int awaitExit() {
        try {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                fail("The example did not exit within " + WAIT_SECONDS + " s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                stdout.add(line);
            }
        } catch (IOException e) {
            stdout.add("(output lost: " + e + ")");
        }
    }
}
