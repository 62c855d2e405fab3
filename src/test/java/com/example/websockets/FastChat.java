package com.example.websockets;

import io.javalin.Javalin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat alone, for tests that send far faster than a person: the per-client rate limit is
 * lifted (it has tests of its own), other settings come from {@code env}.
 */
record FastChat(Javalin app, ChatEndpoint chat) {

    static FastChat create(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("CHAT_MESSAGES_PER_SECOND", "1000000", "CHAT_MESSAGE_BURST", "1000000"));
        all.putAll(env);
        Settings settings = Settings.from(all);
        ChatEndpoint chat = new ChatEndpoint(settings);
        return new FastChat(WebSocketsApp.create(settings, List.of(chat)), chat);
    }

    int clients() {
        return chat.manager().size();
    }
}
