package org.rongtong.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rongtong.notification.service.TargetPolicy;

/** Strict mode, as everywhere outside %dev and %test: public https targets only. */
class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(true);
    private final TargetPolicy lenient = new TargetPolicy(false);

    @Test
    void strictModeRefusesPlainHttpCredentialsAndInternalAddresses() {
        assertTrue(strict.refusal("http://93.184.216.34/hook").orElseThrow().contains("https"));
        assertTrue(strict.refusal("https://u:p@93.184.216.34/hook").orElseThrow().contains("credentials"));
        for (String internal : new String[] {"https://127.0.0.1/h", "https://localhost/h", "https://10.1.2.3/h", "https://172.16.0.9/h",
                "https://192.168.1.1/h", "https://169.254.169.254/latest/meta-data", "https://[::1]/h", "https://[fd00::1]/h",
                "https://[::ffff:10.0.0.1]/h", "https://0.0.0.0/h", "https://100.64.0.1/h"}) {
            Optional<String> refusal = strict.refusal(internal);
            assertTrue(refusal.isPresent() && refusal.get().contains("address"), internal + " -> " + refusal);
        }
    }

    @Test
    void strictModeAcceptsAPublicHttpsAddress() {
        assertEquals(Optional.empty(), strict.refusal("https://93.184.216.34/hook?x=1"));
    }

    @Test
    void lenientModeStillRefusesCredentialsAndOtherSchemesButAllowsLocalHttp() {
        assertEquals(Optional.empty(), lenient.refusal("http://127.0.0.1:8080/hook"));
        assertTrue(lenient.refusal("http://a:b@127.0.0.1/hook").isPresent());
        assertTrue(lenient.refusal("file:///etc/passwd").isPresent());
    }
}
