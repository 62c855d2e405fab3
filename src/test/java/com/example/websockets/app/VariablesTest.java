package com.example.websockets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VariablesTest {

    @Test
    void a_variable_not_set_takes_its_default() {
        Variables unset = Variables.of(Map.of());
        assertEquals(8000, unset.number("PORT", 8000));
        assertEquals(Duration.ofSeconds(2), unset.millis("NOTIFY_INTERVAL_MS", 2000));
        assertEquals(Set.of(), unset.list("ALLOWED_ORIGINS"));
        assertEquals(Map.of("PORT", "8000", "NOTIFY_INTERVAL_MS", "2000", "ALLOWED_ORIGINS", ""),
                unset.defaults());
    }

    @Test
    void variables_are_read_trimmed_and_split() {
        Variables set = Variables.of(Map.of("PORT", " 9001", "NOTIFY_INTERVAL_MS", "250",
                "ALLOWED_ORIGINS", "https://a.example, https://b.example,"));
        assertEquals(9001, set.number("PORT", 8000));
        assertEquals(Duration.ofMillis(250), set.millis("NOTIFY_INTERVAL_MS", 2000));
        assertEquals(Set.of("https://a.example", "https://b.example"), set.list("ALLOWED_ORIGINS"));
    }

    @Test
    void a_secret_is_never_printed() {
        Secret secret = Variables.of(Map.of("SESSION_SECRET", "correct horse battery staple"))
                .secret("SESSION_SECRET");
        assertEquals("correct horse battery staple", secret.value());
        assertFalse(secret.toString().contains("staple"), secret.toString());
    }

    @Test
    void a_malformed_number_names_the_variable() {
        Variables variables = Variables.of(Map.of("PORT", "eighty"));
        var error = assertThrows(IllegalArgumentException.class,
                () -> variables.number("PORT", 8000));
        assertEquals("PORT must be a whole number, but is 'eighty'", error.getMessage());
    }

    @Test
    void one_variable_read_with_two_defaults_is_a_mistake_in_the_code() {
        Variables variables = Variables.of(Map.of());
        variables.number("IDLE_TIMEOUT_MS", 30_000);
        assertThrows(IllegalStateException.class,
                () -> variables.number("IDLE_TIMEOUT_MS", 60_000));
    }
}
