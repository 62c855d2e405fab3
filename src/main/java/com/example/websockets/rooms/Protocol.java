package com.example.websockets.rooms;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Step 4's JSON on the wire: reads a client's text into a {@link ClientMessage}, writes a
 * {@link ServerMessage}, and reads and writes what the instances tell each other.
 */
final class Protocol {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Protocol() {
    }

    /** A client's text as a message, or a {@link BadMessage} that says what is wrong with it. */
    static ClientMessage read(String text) {
        try {
            return JSON.readValue(text, ClientMessage.class);
        } catch (InvalidTypeIdException unknown) {
            throw unknown.getTypeId() == null
                    ? new BadMessage("bad-field", "type is required")
                    : new BadMessage("unknown-type", "There is no message type '" + unknown.getTypeId() + "'");
        } catch (StreamReadException malformed) {
            throw new BadMessage("bad-json", "The message is not valid JSON");
        } catch (MismatchedInputException wrongType) {
            String field = wrongType.getPath().isEmpty() ? "the message" : wrongType.getPath().get(0).getFieldName();
            throw new BadMessage("bad-field", field + " has the wrong type");
        } catch (JacksonException other) {
            throw new BadMessage("bad-json", "The message could not be read");
        }
    }

    static String write(ServerMessage message) {
        return writeShared(message);
    }

    /** One of our records as JSON, for a client or for the other instances. */
    static String writeShared(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Our own records always serialise", e);
        }
    }

    /** What an instance of this app wrote with {@link #writeShared}. */
    static <T> T readShared(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Another instance sent what this one can't read: " + json, e);
        }
    }

    /** A message the server can't act on: answered with an error to its sender only. */
    static final class BadMessage extends RuntimeException {

        final String code;

        BadMessage(String code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }
}
