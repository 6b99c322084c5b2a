package org.rongtong.testing;

import java.util.concurrent.atomic.AtomicInteger;

import org.rongtong.web.validation.CreditCode;

/** Valid, distinct test data that the registry accepts. */
public final class TestData {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 1_000_000));
    private static final String DIGITS = "0123456789";

    private TestData() {
    }

    /** A unique, valid unified social credit code in the given six-digit region. */
    public static String creditCode(String regionCode) {
        int n = SEQUENCE.incrementAndGet();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.insert(0, DIGITS.charAt(n % 10));
            n /= 10;
        }
        return CreditCode.complete("91" + regionCode + body);
    }
}
