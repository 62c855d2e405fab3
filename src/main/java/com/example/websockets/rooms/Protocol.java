package com.example.websockets.rooms;

import com.example.websockets.app.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Step 4's JSON on the wire: reads a client's text into a {@link ClientMessage}, and says what is
 * wrong with one it can't read. What the server writes goes through {@link Json}.
 */
final class Protocol {

    private Protocol() {
    }

    /** A client's text as a message, or a {@link BadMessage} that says what is wrong with it. */
    static ClientMessage read(String text) {
        try {
            return Json.MAPPER.readValue(text, ClientMessage.class);
        } catch (InvalidTypeIdException unknown) {
            throw unknown.getTypeId() == null
                    ? new BadMessage("bad-field", "type is required")
                    : new BadMessage("unknown-type",
                            "There is no message type '" + unknown.getTypeId() + "'");
        } catch (StreamReadException malformed) {
            throw new BadMessage("bad-json", "The message is not valid JSON");
        } catch (MismatchedInputException wrongType) {
            String field = wrongType.getPath().isEmpty() ? "the message"
                    : wrongType.getPath().get(0).getFieldName();
            throw new BadMessage("bad-field", field + " has the wrong type");
        } catch (JacksonException other) {
            throw new BadMessage("bad-json", "The message could not be read");
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
