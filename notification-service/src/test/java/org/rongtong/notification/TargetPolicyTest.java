package org.rongtong.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.notification.service.HostResolver;
import org.rongtong.notification.service.TargetPolicy;

/** Strict mode, as everywhere outside %dev and %test: public https targets only. */
@Tag("unit")
class TargetPolicyTest {

    private final TargetPolicy strict = new TargetPolicy(true);
    private final TargetPolicy lenient = new TargetPolicy(false);

    /** Answers from a fixed table, counting lookups: DNS under the test's control. */
    static final class FixedResolver extends HostResolver {
        final Map<String, String> answers;
        final AtomicInteger lookups = new AtomicInteger();

        FixedResolver(Map<String, String> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            lookups.incrementAndGet();
            String address = answers.get(host);
            if (address == null) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByName(address)};
        }
    }

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

    /** One case per blocked range: each is refused, and the reason does not echo the address. */
    @ParameterizedTest
    @ValueSource(strings = {
            "198.18.0.1", "198.19.255.254", // benchmarking 198.18/15
            "[64:ff9b::a00:1]", "[64:ff9b::5db8:d822]", "[64:ff9b:1::1]", // NAT64, even of a public IPv4 address
            "[2002:a00:1::1]", "[2002:5db8:d822::1]", // 6to4
            "[2001:0:4136:e378:8000:63bf:3fff:fdd2]", // Teredo
            "[::10.0.0.1]", "[::93.184.216.34]", // IPv4-compatible
            "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]", // IPv4-mapped
            "[fe80::1]", "[ff02::1]", "224.0.0.1", "240.0.0.1", "255.255.255.255", "192.0.0.8", "100.127.255.254", "172.31.0.1"})
    void strictModeRefusesEachBlockedRange(String host) {
        Optional<String> refusal = strict.refusal("https://" + host + "/hook");
        assertTrue(refusal.isPresent(), host);
        assertFalse(refusal.get().contains(host.replace("[", "").replace("]", "")), refusal.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "198.20.0.1", "198.17.255.255", "[2606:2800:220:1:248:1893:25c8:1946]", "[2001:db9::1]", "8.8.8.8"})
    void strictModeAcceptsPublicAddressesNextToTheBlockedRanges(String host) {
        assertEquals(Optional.empty(), strict.refusal("https://" + host + "/hook"), host);
    }

    @Test
    void aNameThatResolvesToABlockedAddressIsRefusedAndTheCheckedAddressIsTheOneToConnectTo() {
        FixedResolver dns = new FixedResolver(Map.of("rebind.example", "10.0.0.7", "hooks.example", "93.184.216.34"));
        TargetPolicy policy = new TargetPolicy(true, dns);

        assertTrue(policy.refusal("https://rebind.example/hook").orElseThrow().contains("address"));

        TargetPolicy.Checked ok = policy.check("https://hooks.example:8443/hook");
        assertNull(ok.refusal());
        assertEquals("93.184.216.34", ok.target().address().getHostAddress(), "the attempt connects to this address, resolved once");
        assertEquals(8443, ok.target().port());
        assertEquals("hooks.example", ok.target().uri().getHost(), "the name still goes in Host and SNI");
        assertEquals(2, dns.lookups.get(), "one lookup per check");
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
