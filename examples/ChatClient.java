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
        CompletableFuture<Void> closed = new CompletableFuture<>();
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
                        System.out.println("Chat closed: " + code + " " + reason);
                        closed.complete(null);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        System.out.println("Connection lost: " + error);
                        closed.complete(null);
                    }
                })
                .join();
        System.out.println("Joined the chat at " + uri
                + ". Type a message and press Enter; Ctrl+D leaves.");

        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        for (String line = input.readLine(); line != null && !closed.isDone();
                line = input.readLine()) {
            socket.sendText(line, true).join();
        }
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            closed.join(); // messages already on their way still print before the server's close
        }
    }
}
