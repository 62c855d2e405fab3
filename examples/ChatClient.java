import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Terminal client for step 2 (chat): prints every chat line as it arrives, and sends each line
 * you type. Start two of them to chat.
 * Run: java examples/ChatClient.java [ws://localhost:8000/chat]
 */
public class ChatClient {

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args.length > 0 ? args[0] : "ws://localhost:8000/chat");
        CompletableFuture<String> closed = new CompletableFuture<>(); // how it ended
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    // Runs on the client's own thread, so messages print while you type.
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence part,
                            boolean last) {
                        System.out.print(part); // a long message may arrive in parts
                        if (last) {
                            System.out.println();
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closed.complete("Chat closed: " + code + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete("Connection lost: " + error);
                    }
                })
                .join();
        System.out.println("Joined the chat at " + uri
                + ". Type a message and press Enter; Ctrl+D leaves.");

        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        for (String line = input.readLine(); line != null && !closed.isDone();
                line = input.readLine()) {
            socket.sendText(line, true).exceptionally(error -> lost(closed, error)).join();
        }
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(
                    error -> lost(closed, error));
        }
        // Messages already on their way still print before the server's close.
        System.out.println(closed.join());
    }

    // A send fails when the connection broke meanwhile; the first to notice says how it ended.
    private static WebSocket lost(CompletableFuture<String> closed, Throwable error) {
        closed.complete("Connection lost: " + error);
        return null;
    }
}
