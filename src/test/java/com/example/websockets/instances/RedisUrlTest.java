package com.example.websockets.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Step 6: REDIS_URL may carry a password; no log line and no error message ever shows it. */
@Timeout(60)
class RedisUrlTest {

    @Test
    void a_password_in_the_url_is_masked() {
        assertEquals("redis://***@cache:6379", RedisBroker.shown("redis://:hunter2@cache:6379"));
        assertEquals("rediss://***@cache/0", RedisBroker.shown("rediss://app:hunter2@cache/0"));
        assertEquals("redis://cache:6379", RedisBroker.shown("redis://cache:6379"));
    }

    @Test
    void the_error_for_a_redis_out_of_reach_names_it_without_its_password() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RedisBroker.connect("redis://:hunter2@127.0.0.1:1"));
        assertTrue(refused.getMessage().contains("redis://***@127.0.0.1:1"), refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }
}
