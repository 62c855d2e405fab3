package com.example.websockets.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.example.websockets.rules.Broker.Logged;
import java.time.Instant;
import java.util.Collection;

/** Step 5's JSON: every message a hub subscriber receives has a {@code type}. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    /** A notification as the broker carries it, before it has an id: its fields and the server's time. */
    static String unnumbered(Draft draft, Instant time) {
        return write(JSON.createObjectNode().put("topic", draft.topic()).put("title", draft.title())
                .put("body", draft.body()).put("level", draft.level()).put("time", time.toString()));
    }

    /** What a subscriber gets: the type, the id the broker gave, then the fields; and its topic. */
    static Numbered numbered(Logged logged) {
        try {
            ObjectNode fields = (ObjectNode) JSON.readTree(logged.message());
            ObjectNode node = JSON.createObjectNode().put("type", "notification").put("id", logged.id());
            node.setAll(fields);
            return new Numbered(fields.path("topic").asText(), write(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The broker carries only what unnumbered() wrote", e);
        }
    }

    record Numbered(String topic, String json) {
    }

    static String gap(long after, String reason) {
        return write(JSON.createObjectNode().put("type", "gap").put("after", after).put("reason", reason));
    }

    static String subscribed(Collection<String> topics) {
        ObjectNode node = JSON.createObjectNode().put("type", "subscribed");
        topics.forEach(node.putArray("topics")::add);
        return write(node);
    }

    static String error(String code, String reason) {
        return write(JSON.createObjectNode().put("type", "error").put("code", code).put("reason", reason));
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of our own always serialises", e);
        }
    }
}
