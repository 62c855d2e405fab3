package com.example.websockets.production;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostCheckTest {

    private final HostCheck check = new HostCheck(Set.of("chat.school.example"));

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:8000", "LOCALHOST:8000", "127.0.0.1",
            "127.0.0.1:8000", "192.168.1.20:8000", "[::1]", "[::1]:8000", "[fe80::1]:8000",
            "chat.school.example", "Chat.School.Example:8000"})
    void ip_addresses_localhost_and_listed_names_are_answered(String host) {
        assertTrue(check.allows(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8000", "attacker.test",
            "localhost.evil.example:8000", "127.0.0.1.evil.example", "localhost:8000.evil.example",
            "school.example", "evil.chat.school.example", "localhost:", "localhost:80:80", "[::1",
            "[::1]x", "", "localhost."})
    void other_names_and_malformed_hosts_are_refused(String host) {
        assertFalse(check.allows(host), host);
    }
}
