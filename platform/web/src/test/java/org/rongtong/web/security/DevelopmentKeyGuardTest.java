package org.rongtong.web.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class DevelopmentKeyGuardTest {

    private static final String OWN_ISSUER = "https://sso.example.gov.cn/realms/rongtong";

    @Test
    void productionWithItsOwnIssuerAndKeyStarts() {
        assertDoesNotThrow(() -> DevelopmentKeyGuard.check(OWN_ISSUER, "/etc/rongtong/jwt.pem", "0.0.0.0", false));
    }

    @Test
    void productionRefusesTheDevelopmentIssuerOrKey() {
        assertThrows(IllegalStateException.class,
                () -> DevelopmentKeyGuard.check(DevelopmentKeyGuard.DEV_ISSUER, "/etc/rongtong/jwt.pem", "0.0.0.0", false));
        var refused = assertThrows(IllegalStateException.class,
                () -> DevelopmentKeyGuard.check(OWN_ISSUER, "rongtong-dev-jwt-public.pem", "0.0.0.0", false));
        assertTrue(refused.getMessage().contains("RONGTONG_JWT_PUBLIC_KEY_LOCATION"));
    }

    @Test
    void aCopyOfTheDevelopmentKeyUnderAnotherNameIsRefusedToo(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("our-key.pem");
        try (var in = getClass().getClassLoader().getResourceAsStream("rongtong-dev-jwt-public.pem")) {
            Files.write(copy, in.readAllBytes());
        }
        assertThrows(IllegalStateException.class, () -> DevelopmentKeyGuard.check(OWN_ISSUER, copy.toString(), "0.0.0.0", false));
    }

    @Test
    void theLocalStackMayAllowTheDevelopmentKeyOnlyOnLoopback() {
        assertDoesNotThrow(() -> DevelopmentKeyGuard.check(DevelopmentKeyGuard.DEV_ISSUER, "rongtong-dev-jwt-public.pem", "127.0.0.1", true));
        assertThrows(IllegalStateException.class,
                () -> DevelopmentKeyGuard.check(DevelopmentKeyGuard.DEV_ISSUER, "rongtong-dev-jwt-public.pem", "0.0.0.0", true));
    }
}
