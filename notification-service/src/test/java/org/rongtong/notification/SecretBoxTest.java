package org.rongtong.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.notification.service.SecretBox;
import org.rongtong.notification.service.WebhookSigner;

@Tag("unit")
class SecretBoxTest {

    private static String key(int fill) {
        byte[] raw = new byte[32];
        java.util.Arrays.fill(raw, (byte) fill);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void aSealedSecretOpensWithTheKeyAndShowsNothingOfTheSecret() {
        SecretBox box = new SecretBox(key(1));
        String secret = WebhookSigner.newSecret();
        String sealed = box.seal(secret);
        assertTrue(sealed.startsWith("v1:"), sealed);
        assertFalse(sealed.contains(secret.substring("whsec_".length())));
        assertNotEquals(sealed, box.seal(secret), "a fresh nonce per sealing");
        assertEquals(secret, box.open(sealed));
        assertEquals(secret, box.open(secret), "a plaintext secret from before reads as itself");
    }

    @Test
    void anotherKeyOrATamperedValueDoesNotOpen() {
        String sealed = new SecretBox(key(1)).seal(WebhookSigner.newSecret());
        assertThrows(IllegalStateException.class, () -> new SecretBox(key(2)).open(sealed));
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> new SecretBox(key(1)).open("v1:" + Base64.getEncoder().encodeToString(raw)));
    }

    @Test
    void aMissingOrShortKeyIsRefusedAtStartUp() {
        assertThrows(IllegalStateException.class, () -> new SecretBox(""));
        assertThrows(IllegalStateException.class, () -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16])));
    }
}
