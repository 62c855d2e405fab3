import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Terminal client for step 4 (rooms): signs in, joins a room, and prints the server's JSON as it
 * arrives, so you see the protocol itself. Type a line to say it in the room; "/join ROOM" moves
 * to another room, "/msg NAME TEXT" sends a private message, Ctrl+D quits.
 * Run: java examples/RoomsClient.java NAME [ROOM] [http://localhost:8000]
 */
public class RoomsClient {

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "Alice";
        String room = args.length > 1 ? args[1] : "general";
        String server = args.length > 2 ? args[2] : "http://localhost:8000";
        HttpClient http = HttpClient.newHttpClient();

        // Sign in: the answer's cookie is what lets the socket in.
        HttpResponse<String> signIn = http.send(
                HttpRequest.newBuilder(URI.create(server + "/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": " + quote(name) + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 200) {
            System.out.println("Sign-in refused with " + signIn.statusCode() + ": "
                    + signIn.body());
            return;
        }
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        CompletableFuture<String> closed = new CompletableFuture<>(); // how it ended
        URI rooms = URI.create(server.replaceFirst("^http", "ws") + "/rooms");
        WebSocket socket = http.newWebSocketBuilder().header("Cookie", cookie)
                .buildAsync(rooms, new WebSocket.Listener() {
                    private final StringBuilder message = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence part,
                            boolean last) {
                        message.append(part); // a long message may arrive in parts
                        if (last) {
                            System.out.println(message);
                            message.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closed.complete("Closed: " + code + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete("Connection lost: " + error);
                    }
                })
                .join();
        System.out.println("Signed in as " + name + ". Type to talk in " + room
                + "; /join ROOM, /msg NAME TEXT; Ctrl+D quits.");
        socket.sendText("{\"type\": \"join\", \"room\": " + quote(room) + "}", true).join();

        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        for (String line = input.readLine(); line != null && !closed.isDone();
                line = input.readLine()) {
            String[] words = line.split(" ", 3);
            String json;
            if (words[0].equals("/join") && words.length > 1) {
                room = line.substring("/join ".length());
                json = "{\"type\": \"join\", \"room\": " + quote(room) + "}";
            } else if (words[0].equals("/msg") && words.length == 3) {
                json = "{\"type\": \"private\", \"to\": " + quote(words[1])
                        + ", \"text\": " + quote(words[2]) + "}";
            } else {
                json = "{\"type\": \"message\", \"room\": " + quote(room)
                        + ", \"text\": " + quote(line) + "}";
            }
            socket.sendText(json, true).exceptionally(error -> lost(closed, error)).join();
        }
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(
                    error -> lost(closed, error));
        }
        System.out.println(closed.join());
    }

    // A send fails when the connection broke meanwhile; the first to notice says how it ended.
    private static WebSocket lost(CompletableFuture<String> closed, Throwable error) {
        closed.complete("Connection lost: " + error);
        return null;
    }

    // A JSON string: quotes, backslashes and control characters escaped.
    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
