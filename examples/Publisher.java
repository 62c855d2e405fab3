import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Terminal publisher for step 5 (the notification hub): each line typed is published as a
 * notification to a topic, and the server's answer is printed (202 and the id, or a problem).
 * Run, with the server's token as TOKEN:
 * PUBLISH_TOKEN=TOKEN java examples/Publisher.java [topic] [http://localhost:8000]
 * A line "warning: Disk almost full" sets the level; other lines are info.
 */
public class Publisher {

    public static void main(String[] args) throws Exception {
        String topic = args.length > 0 ? args[0] : "orders";
        String server = args.length > 1 ? args[1] : "http://localhost:8000";
        URI uri = URI.create(server + "/api/notifications");
        String token = System.getenv().getOrDefault("PUBLISH_TOKEN", "");
        HttpClient http = HttpClient.newHttpClient();
        System.out.println("Publishing to topic " + topic + " at " + uri
                + ": type a title and press Enter (Ctrl+D ends).");
        BufferedReader lines = new BufferedReader(new InputStreamReader(System.in));
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.isBlank()) {
                continue;
            }
            String level = "info";
            for (String known : new String[] {"success", "warning", "error"}) {
                if (line.startsWith(known + ": ")) {
                    level = known;
                    line = line.substring(known.length() + 2);
                }
            }
            String json = "{\"topic\":" + quoted(topic) + ",\"title\":" + quoted(line)
                    + ",\"level\":" + quoted(level) + "}";
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println(answer.statusCode() + " " + answer.body());
        }
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    private static String quoted(String text) {
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
