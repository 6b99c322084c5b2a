package org.rongtong.web.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StorableTextTest {

    @Test
    void nulAndUnpairedSurrogatesAreNotStorable() {
        assertFalse(StorableText.isStorable("a\u0000b"));
        assertFalse(StorableText.isStorable("\uD800"));
        assertFalse(StorableText.isStorable("x\uDC00y"));
        assertFalse(StorableText.isStorable("\uDFFF\uD800"));
    }

    @Test
    void everythingElseIs() {
        assertTrue(StorableText.isStorable(""));
        assertTrue(StorableText.isStorable("青岛精工 𠜎 👨‍👩‍👧‍👦 \u202Eevil \uFEFF \uFFFF \t\r\n"));
    }
}
