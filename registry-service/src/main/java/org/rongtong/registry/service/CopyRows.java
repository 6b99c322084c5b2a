package org.rongtong.registry.service;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.function.IntPredicate;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows of PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes), encoded straight
 * into UTF-8 bytes as they are added. A bulk import builds three tables' rows per chunk; building them as bytes
 * once, instead of as strings joined and encoded again, halves what the import allocates.
 */
final class CopyRows {

    private byte[] bytes;
    private int size;
    private int[] ends = new int[64];
    private int count;

    CopyRows(int expectedBytes) {
        bytes = new byte[Math.max(expectedBytes, 1024)];
    }

    int count() {
        return count;
    }

    /** Appends one row; enums are written by name, everything else by {@code toString()}. */
    CopyRows add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            Object v = values[i];
            if (v == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else {
                encode(v instanceof Enum<?> e ? e.name() : v.toString());
            }
        }
        put((byte) '\n');
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = size;
        return this;
    }

    /** Copies the rows into {@code sql}'s table, leaving out those {@code skip} names by index. */
    long copyInto(CopyManager copy, String sql, IntPredicate skip) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            int start = 0;
            int runStart = 0;
            for (int i = 0; i < count; i++) {
                if (skip.test(i)) {
                    if (start > runStart) {
                        in.writeToCopy(bytes, runStart, start - runStart);
                    }
                    runStart = ends[i];
                }
                start = ends[i];
            }
            if (size > runStart) {
                in.writeToCopy(bytes, runStart, size - runStart);
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void encode(String s) {
        for (int k = 0, n = s.length(); k < n; k++) {
            char ch = s.charAt(k);
            if (ch < 0x80) {
                switch (ch) {
                    case '\\' -> put2('\\', '\\');
                    case '\t' -> put2('\\', 't');
                    case '\n' -> put2('\\', 'n');
                    case '\r' -> put2('\\', 'r');
                    default -> put((byte) ch);
                }
            } else if (ch < 0x800) {
                put((byte) (0xC0 | ch >> 6));
                put((byte) (0x80 | ch & 0x3F));
            } else if (Character.isHighSurrogate(ch) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                int cp = Character.toCodePoint(ch, s.charAt(++k));
                put((byte) (0xF0 | cp >> 18));
                put((byte) (0x80 | cp >> 12 & 0x3F));
                put((byte) (0x80 | cp >> 6 & 0x3F));
                put((byte) (0x80 | cp & 0x3F));
            } else if (Character.isSurrogate(ch)) {
                // a lone surrogate has no UTF-8 form: written as '?', as String.getBytes writes it
                put((byte) '?');
            } else {
                put((byte) (0xE0 | ch >> 12));
                put((byte) (0x80 | ch >> 6 & 0x3F));
                put((byte) (0x80 | ch & 0x3F));
            }
        }
    }

    private void put2(char a, char b) {
        put((byte) a);
        put((byte) b);
    }

    private void put(byte b) {
        if (size == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        bytes[size++] = b;
    }
}
