package com.example.websockets.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;

/** Step 5's JSON: every message a hub subscriber receives has a {@code type}. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    static String notification(Notification notification) {
        ObjectNode node = JSON.createObjectNode().put("type", "notification");
        node.setAll((ObjectNode) JSON.valueToTree(notification));
        return write(node);
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
