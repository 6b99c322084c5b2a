package org.rongtong.registry.service;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntPredicate;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows of PostgreSQL's COPY text format (tab-separated, {@code \N} for null, backslash escapes), encoded straight
 * into UTF-8 bytes as they are added (a lone surrogate becomes '?', as {@link String#getBytes} makes it). A bulk import builds three tables' rows per chunk; building them as bytes
 * once, instead of as strings joined and encoded again, halves what the import allocates.
 */
final class CopyRows {

    private byte[] bytes;
    private int size;
    private int[] ends = new int[64];
    private int count;

    private Instant lastInstant;
    private String lastInstantText;

    CopyRows(int expectedBytes) {
        bytes = new byte[Math.max(expectedBytes, 1024)];
    }

    /** How many bytes the rows take. */
    int byteCount() {
        return size;
    }

    /** Appends one row; enums are written by name, byte arrays as UTF-8 text already encoded, the rest by {@code toString()}. */
    CopyRows add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            Object v = values[i];
            if (v == null) {
                put((byte) '\\');
                put((byte) 'N');
            } else if (v instanceof byte[] utf8) {
                escape(utf8);
            } else {
                escape((v instanceof Enum<?> e ? e.name() : v instanceof Instant t ? text(t) : v.toString()).getBytes(StandardCharsets.UTF_8));
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

    /** Writes the rows as built (bytes and row ends), for {@link #readFrom} to restore. */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeInt(ends[i]);
        }
        out.writeInt(size);
        out.write(bytes, 0, size);
    }

    static CopyRows readFrom(DataInputStream in) throws IOException {
        int count = in.readInt();
        CopyRows rows = new CopyRows(0);
        rows.ends = new int[Math.max(count, 1)];
        for (int i = 0; i < count; i++) {
            rows.ends[i] = in.readInt();
        }
        rows.count = count;
        rows.size = in.readInt();
        rows.bytes = new byte[Math.max(rows.size, 1)];
        in.readFully(rows.bytes, 0, rows.size);
        return rows;
    }

    /** ISO-8601 text of an instant; rows of one chunk share their instant, so it is formatted once. */
    private String text(Instant t) {
        if (!t.equals(lastInstant)) {
            lastInstant = t;
            lastInstantText = t.toString();
        }
        return lastInstantText;
    }

    private void escape(byte[] utf8) {
        // the four bytes COPY escapes are ASCII, never inside a multi-byte sequence
        int from = 0;
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '\\' || b == '\t' || b == '\n' || b == '\r') {
                put(utf8, from, i - from);
                put2('\\', b == '\\' ? '\\' : b == '\t' ? 't' : b == '\n' ? 'n' : 'r');
                from = i + 1;
            }
        }
        put(utf8, from, utf8.length - from);
    }

    private void put(byte[] source, int from, int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
        System.arraycopy(source, from, bytes, size, length);
        size += length;
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
