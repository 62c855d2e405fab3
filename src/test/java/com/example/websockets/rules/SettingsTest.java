package com.example.websockets.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void settings_default_to_the_chapters_port_and_interval() {
        Settings defaults = Settings.from(Map.of());
        assertEquals(8000, defaults.port());
        assertEquals(Duration.ofSeconds(2), defaults.notifyInterval());
        assertEquals(Duration.ofSeconds(30), defaults.idleTimeout());
        assertEquals(65536, defaults.maxMessageBytes());
        assertEquals(Set.of(), defaults.allowedOrigins());
        assertEquals(Duration.ofSeconds(2), defaults.stopTimeout());
        assertEquals(Duration.ofSeconds(2), defaults.closeGrace());
    }

    @Test
    void settings_are_read_from_the_environment() {
        Settings settings = Settings.from(Map.of("PORT", "9001", "NOTIFY_INTERVAL_MS", "250",
                "MAX_CONNECTIONS", "3", "ALLOWED_ORIGINS", "https://a.example, https://b.example"));
        assertEquals(9001, settings.port());
        assertEquals(Duration.ofMillis(250), settings.notifyInterval());
        assertEquals(3, settings.maxConnections());
        assertEquals(Set.of("https://a.example", "https://b.example"), settings.allowedOrigins());
    }

    @Test
    void the_session_secret_is_never_printed() {
        Settings settings = Settings.from(Map.of("SESSION_SECRET", "correct horse battery staple"));
        assertEquals("correct horse battery staple", settings.sessionSecret().value());
        assertFalse(settings.toString().contains("staple"), settings.toString());
    }

    @Test
    void a_malformed_setting_names_the_variable() {
        var error = assertThrows(IllegalArgumentException.class, () -> Settings.from(Map.of("PORT", "eighty")));
        assertEquals("PORT must be a whole number, but is 'eighty'", error.getMessage());
    }
}
