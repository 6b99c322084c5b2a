package org.rongtong.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class UuidV7Test {

    @Test
    void idsAreVersion7WithTheRfcVariantAndNeverRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = UuidV7.next();
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertTrue(seen.add(id), "repeated " + id);
        }
    }

    @Test
    void idsSortByTheMillisecondTheyWereMadeIn() {
        UUID earlier = UuidV7.next();
        long madeAt = System.currentTimeMillis();
        while (System.currentTimeMillis() <= madeAt + 1) {
            Thread.onSpinWait();
        }
        UUID later = UuidV7.next();
        assertTrue(Long.compareUnsigned(earlier.getMostSignificantBits() >>> 16, later.getMostSignificantBits() >>> 16) < 0);
        long millis = later.getMostSignificantBits() >>> 16;
        assertTrue(Math.abs(System.currentTimeMillis() - millis) < 5_000, "the time part is the wall clock's");
    }

    @Test
    void theRandomBitsVaryAcrossTheWholeFieldNotOnlyItsLowBits() {
        long orOfRandA = 0;
        long orOfRandB = 0;
        for (int i = 0; i < 1_000; i++) {
            UUID id = UuidV7.next();
            orOfRandA |= id.getMostSignificantBits() & 0xFFFL;
            orOfRandB |= id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL;
        }
        assertEquals(0xFFFL, orOfRandA);
        assertEquals(0x3FFFFFFFFFFFFFFFL, orOfRandB);
    }
}
