import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Terminal client for step 3 (notifications): subscribes to /notifications, prints each
 * notification, then how the server closed the stream.
 * Run: java examples/NotificationsClient.java [ws://localhost:8000/notifications]
 */
public class NotificationsClient {

    public static void main(String[] args) {
        URI uri = URI.create(args.length > 0 ? args[0] : "ws://localhost:8000/notifications");
        CompletableFuture<String> closed = new CompletableFuture<>();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
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
                        closed.complete("Closed by the server: " + code + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete("Connection lost: " + error);
                    }
                })
                .join();
        System.out.println("Subscribed to " + uri + ", waiting for notifications...");
        System.out.println(closed.join());
    }
}
