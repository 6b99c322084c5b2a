package org.rongtong.registry.service;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The valid rows of an import, built once as they will be stored (the COPY text of each enterprise and of its
 * registered event) and kept on disk beside the upload, chunk by chunk, in the order of the file. The first pass
 * checks the file on the caller's thread while builders turn the rows it accepted into chunks; the second pass only
 * reads chunks back and copies their bytes, so the file is parsed once and the building runs while the second core
 * would otherwise wait for the check to end.
 */
final class PreparedRows {

    /** Opens every prepared file, so that a file of any other kind (an upload of an older version) is refused. */
    private static final int MAGIC = 0x52545052; // "RTPR"
    private static final int VERSION = 1;

    private PreparedRows() {
    }

    /** One chunk: per row its line, credit code and enterprise id, and the rows' COPY text for two tables. */
    record Chunk(int[] lines, String[] codes, UUID[] ids, CopyRows enterprises, CopyRows events) {

        int size() {
            return lines.length;
        }

        int lastLine() {
            return lines[lines.length - 1];
        }

        /** The chunk as its file bytes; made by the builder that built it, so the checking thread only copies them. */
        byte[] toBytes() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(enterprises.byteCount() + events.byteCount() + lines.length * 64 + 64);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(lines.length);
                for (int i = 0; i < lines.length; i++) {
                    out.writeInt(lines[i]);
                    out.writeUTF(codes[i]);
                    out.writeLong(ids[i].getMostSignificantBits());
                    out.writeLong(ids[i].getLeastSignificantBits());
                }
                enterprises.writeTo(out);
                events.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array does not fail
            }
            return bytes.toByteArray();
        }

        private static Chunk readFrom(DataInputStream in, int n) throws IOException {
            int[] lines = new int[n];
            String[] codes = new String[n];
            UUID[] ids = new UUID[n];
            for (int i = 0; i < n; i++) {
                lines[i] = in.readInt();
                codes[i] = in.readUTF();
                ids[i] = new UUID(in.readLong(), in.readLong());
            }
            return new Chunk(lines, codes, ids, CopyRows.readFrom(in), CopyRows.readFrom(in));
        }
    }

    /** A prepared file that is not one (missing, cut short, or written by another version). */
    static final class NotPrepared extends IOException {
        NotPrepared(String message) {
            super(message);
        }
    }

    /**
     * Writes chunks as rows are accepted: every {@code chunkSize} rows go to a builder, up to {@code parallelism}
     * chunks are built at once, and they are written in the order they were handed over, so memory stays bounded.
     */
    static final class Writer<R> implements AutoCloseable {

        private final DataOutputStream out;
        private final ExecutorService builders;
        private final Function<List<R>, Chunk> build;
        private final int chunkSize;
        private final int parallelism;
        private final ArrayDeque<Future<byte[]>> building = new ArrayDeque<>();
        private List<R> pending;

        Writer(Path file, ExecutorService builders, int parallelism, int chunkSize, Function<List<R>, Chunk> build) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            this.builders = builders;
            this.parallelism = Math.max(1, parallelism);
            this.chunkSize = chunkSize;
            this.build = build;
            this.pending = new ArrayList<>(chunkSize);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
        }

        void add(R row) throws IOException {
            pending.add(row);
            if (pending.size() == chunkSize) {
                handOver();
            }
        }

        /** Builds and writes what is left and ends the file; a builder's failure surfaces here or in {@link #add}. */
        void finish() throws IOException {
            if (!pending.isEmpty()) {
                handOver();
            }
            while (!building.isEmpty()) {
                writeOldest();
            }
            out.writeInt(0);
            out.flush();
        }

        private void handOver() throws IOException {
            List<R> rows = pending;
            pending = new ArrayList<>(chunkSize);
            if (building.size() == parallelism) {
                writeOldest();
            }
            building.add(builders.submit(() -> build.apply(rows).toBytes()));
        }

        private void writeOldest() throws IOException {
            out.write(built(building.poll()));
        }

        private static byte[] built(Future<byte[]> chunk) throws IOException {
            try {
                return chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while building rows", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getCause());
            }
        }

        /** Waits for the builders still busy (their work is dropped) and closes the file. */
        @Override
        public void close() throws IOException {
            for (Future<byte[]> chunk : building) {
                try {
                    chunk.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // the reason the file is abandoned was reported by whoever abandons it
                }
            }
            building.clear();
            out.close();
        }
    }

    /** Reads a prepared file back, chunk by chunk. */
    static final class Reader implements AutoCloseable {

        private final DataInputStream in;

        Reader(Path file) throws IOException {
            if (!Files.isReadable(file)) {
                throw new NotPrepared("is gone");
            }
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            try {
                if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                    throw new NotPrepared("was written by another version");
                }
            } catch (EOFException e) {
                in.close();
                throw new NotPrepared("is empty");
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }

        /** The next chunk, or null after the last. */
        Chunk next() throws IOException {
            try {
                int n = in.readInt();
                return n == 0 ? null : Chunk.readFrom(in, n);
            } catch (EOFException e) {
                throw new NotPrepared("was cut short");
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
