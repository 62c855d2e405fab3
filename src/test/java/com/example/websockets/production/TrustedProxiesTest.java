package com.example.websockets.production;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which peers are proxies whose forwarded headers count: addresses and ranges, IPv4 and IPv6. */
class TrustedProxiesTest {

    private final TrustedProxies proxies =
            TrustedProxies.of(Set.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void a_peer_in_a_listed_range_is_a_proxy_and_one_outside_is_not() throws Exception {
        assertTrue(proxies.trusts(InetAddress.getByName("10.20.30.40")));
        assertTrue(proxies.trusts(InetAddress.getByName("192.168.1.7")));
        assertTrue(proxies.trusts(InetAddress.getByName("fd12::1")));
        assertFalse(proxies.trusts(InetAddress.getByName("11.0.0.1")));
        assertFalse(proxies.trusts(InetAddress.getByName("192.168.1.8")));
        assertFalse(proxies.trusts(InetAddress.getByName("fe80::1")));
        assertFalse(TrustedProxies.of(Set.of()).trusts(InetAddress.getByName("127.0.0.1")),
                "none by default");
    }

    @Test
    void an_entry_that_is_not_an_address_names_itself_and_the_setting() {
        for (String wrong : new String[] {"proxy.example", "10.0.0.0/33", "10.0.0/8x"}) {
            var error = assertThrows(IllegalArgumentException.class,
                    () -> TrustedProxies.of(Set.of(wrong)));
            assertEquals("TRUSTED_PROXIES must list addresses or ranges such as 10.0.0.0/8,"
                    + " but has '" + wrong + "'",
                    error.getMessage());
        }
    }
}
