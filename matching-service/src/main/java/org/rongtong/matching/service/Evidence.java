package org.rongtong.matching.service;

/**
 * A find of a thesaurus concept in a profile's text, packed into a long: concept index (bits 32+), field (bits 24–27),
 * exact synonym (bit 20), business roles of its clause (bits 0–15). Packed, so that a million indexed profiles keep
 * theirs cheaply.
 */
public final class Evidence {

    private Evidence() {
    }

    public static long pack(int concept, int field, boolean exact, int roles) {
        return ((long) concept << 32) | ((long) (field & 0xF) << 24) | (exact ? 1L << 20 : 0) | (roles & 0xFFFF);
    }

    public static int conceptOf(long evidence) {
        return (int) (evidence >>> 32);
    }

    public static int fieldOf(long evidence) {
        return (int) (evidence >>> 24) & 0xF;
    }

    public static boolean exactOf(long evidence) {
        return (evidence & (1L << 20)) != 0;
    }

    public static int rolesOf(long evidence) {
        return (int) (evidence & 0xFFFF);
    }
}
