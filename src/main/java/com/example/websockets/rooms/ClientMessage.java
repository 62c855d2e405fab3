package com.example.websockets.rooms;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a client of step 4 may send: JSON objects told apart by their {@code type}. Jackson reads
 * them straight into these records; a field the client left out is null.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientMessage.Join.class, name = "join"),
        @JsonSubTypes.Type(value = ClientMessage.Leave.class, name = "leave"),
        @JsonSubTypes.Type(value = ClientMessage.Say.class, name = "message"),
        @JsonSubTypes.Type(value = ClientMessage.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ClientMessage.Whisper.class, name = "private")})
sealed interface ClientMessage {

    /**
     * Enter a room; {@code after}, the id of the last message seen there, asks for what was
     * missed.
     */
    record Join(String room, Long after) implements ClientMessage {
    }

    record Leave(String room) implements ClientMessage {
    }

    /**
     * Say something; {@code key}, any text of the client's, makes a second send of the same
     * message a no-op.
     */
    record Say(String room, String text, String key) implements ClientMessage {
    }

    record Typing(String room) implements ClientMessage {
    }

    record Whisper(String to, String text) implements ClientMessage {
    }
}
