package com.example.websockets.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Steps 4 and 5 speak JSON the same way: records, which Jackson writes and reads. One mapper,
 * shared, because it is safe to use from many threads and costly to make.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    /** One of our own records as JSON. */
    public static String write(Object record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Our own records always serialise", e);
        }
    }

    /**
     * What an instance of this app wrote with {@link #write}; another version may write what this
     * one can't read.
     */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Can't read what another instance sent: " + e.getOriginalMessage(), e);
        }
    }
}
