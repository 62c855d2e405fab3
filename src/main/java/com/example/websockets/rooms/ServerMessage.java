package com.example.websockets.rooms;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What the server of step 4 sends: JSON objects with a {@code type}, written by Jackson from these
 * records.
 */
// tag::server-messages[]
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Joined.class, name = "joined"),
        @JsonSubTypes.Type(value = ServerMessage.Said.class, name = "message"),
        @JsonSubTypes.Type(value = ServerMessage.Presence.class, name = "presence"),
        @JsonSubTypes.Type(value = ServerMessage.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ServerMessage.Private.class, name = "private"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error")})
sealed interface ServerMessage {

    /**
     * You are in {@code room}: who is there, and the messages you missed ({@code gap}: some are
     * gone).
     */
    record Joined(String room, List<String> present, List<Said> history, boolean gap)
            implements ServerMessage {
    }

    record Said(String room, long id, String sender, String text, String time)
            implements ServerMessage {
    }
    // end::server-messages[]

    /** {@code name} came to or left {@code room}: {@code event} is "came" or "left". */
    record Presence(String room, String name, String event) implements ServerMessage {
    }

    record Typing(String room, String name) implements ServerMessage {
    }

    record Private(String from, String to, String text, String time) implements ServerMessage {
    }

    /** Your last message was refused; {@code key} is that message's, if it had one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String code, String reason, String key) implements ServerMessage {

        Error(String code, String reason) {
            this(code, reason, null);
        }
    }
}
