package com.example.websockets.production;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginCheckTest {

    private final OriginCheck check = new OriginCheck(Set.of("https://school.example"),
            new HostCheck(Set.of("chat.example")));

    @ParameterizedTest
    @ValueSource(strings = {"http://chat.example:8000", "https://chat.example:8000",
            "HTTP://Chat.Example:8000", "http://localhost:8000", "http://127.0.0.1:8000",
            "https://school.example"})
    void the_apps_own_origins_and_the_listed_ones_are_allowed(String origin) {
        assertTrue(check.allows(origin, "chat.example:8000", 8000), origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "http://evil.example", "http://localhost.evil.example",
            "http://localhost:8001", "http://chat.example:8000.evil.example", "http://chat.example",
            "file://", "ws://chat.example:8000", "http://user@chat.example:8000",
            "https://school.example.evil", "http://chat.example:8000/path", ""})
    void other_sites_and_look_alikes_are_refused(String origin) {
        assertFalse(check.allows(origin, "chat.example:8000", 8000), origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:8000", "attacker.test"})
    void an_origin_that_matches_a_host_name_the_app_doesnt_answer_to_is_refused(String host) {
        // DNS rebinding: the attacker's page re-resolves its own name to this machine.
        assertFalse(check.allows("http://" + host, host, 8000), host);
    }

    @org.junit.jupiter.api.Test
    void a_client_that_sends_no_origin_is_not_a_browser_and_is_allowed() {
        assertTrue(check.allows(null, "chat.example:8000", 8000));
    }
}
