package exercises.jsonecho;

import com.example.websockets.app.ChapterStep;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import java.util.Locale;

/** Exercise 11, on step 4: an echo that speaks typed JSON, as the rooms chat does. */
public final class JsonEcho implements ChapterStep {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Echo(String type, String text) {
    }

    record Problem(String type, String code, String reason) {
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.routes.ws("/json", ws -> {
            ws.onMessage(ctx -> ctx.send(JSON.writeValueAsString(answer(ctx.message()))));
        });
    }

    private static Object answer(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return new Problem("error", "bad-json", "The message is not valid JSON");
        }
        if (!message.path("type").asText().equals("shout")) {
            return new Problem("error", "unknown-type", "Only shout is understood here");
        }
        if (!message.path("text").isTextual()) {
            return new Problem("error", "bad-field", "text is required");
        }
        return new Echo("echo", message.path("text").asText().toUpperCase(Locale.ROOT));
    }

    @Override
    public String howToTry(String hostAndPort) {
        return "Run java examples/EchoClient.java ws://" + hostAndPort
                + "/json and type {\"type\": \"shout\", \"text\": \"hi\"}";
    }
}
