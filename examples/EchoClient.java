import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Terminal client for step 1 (echo): sends each line you type to /ws and prints the reply.
 * Run the server, then: java examples/EchoClient.java [ws://localhost:8000/ws]
 */
public class EchoClient {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args.length > 0 ? args[0] : "ws://localhost:8000/ws");
        BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence part,
                            boolean last) {
                        text.append(part); // a long message may arrive in parts
                        if (last) {
                            replies.add(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .join();
        System.out.println("Connected to " + uri
                + ". Type a message and press Enter; Ctrl+D quits.");

        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            socket.sendText(line, true).join();
            // Request and response: wait for the echo before reading the next line.
            String reply = replies.poll(5, TimeUnit.SECONDS);
            System.out.println(reply != null ? reply : "(no reply within 5 s)");
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
