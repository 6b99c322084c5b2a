package org.rongtong.ids;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (RFC 9562 version 7): sortable by creation time, so they index well. */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();

    private UuidV7() {
    }

    public static UUID next() {
        long millis = System.currentTimeMillis();
        // one draw per id: each call into the system's generator takes its lock and mixes its state again
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0xFFL) << 8 | (random[1] & 0xFFL)) & 0xFFFL;
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = randB << 8 | (random[i] & 0xFFL);
        }
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
