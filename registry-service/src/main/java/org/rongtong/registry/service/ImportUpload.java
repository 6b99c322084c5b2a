package org.rongtong.registry.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.rongtong.web.problem.ProblemException;

/**
 * An uploaded import file spooled to disk as it arrives, so that no request holds the file in memory. While the bytes
 * pass, it fingerprints them (SHA-256, for Idempotency-Key) and checks them strictly against the candidate charsets.
 * The charset is the declared one when the Content-Type names one; otherwise UTF-8 (a BOM is allowed) when every byte
 * is valid UTF-8, else GBK when every byte is valid GBK, else the file is refused: bytes are never guessed into text.
 */
public final class ImportUpload {

    public static final Charset GBK = Charset.forName("GBK");

    private final Path file;
    private final Charset charset;
    private final byte[] sha256;
    private final long bytes;

    private ImportUpload(Path file, Charset charset, byte[] sha256, long bytes) {
        this.file = file;
        this.charset = charset;
        this.sha256 = sha256;
        this.bytes = bytes;
    }

    /**
     * Copies the stream into a new file in {@code directory}. Throws a 400 problem (the file deleted) when the bytes
     * are not text in the declared charset, or, with none declared, neither UTF-8 nor GBK.
     */
    public static ImportUpload spool(InputStream body, String declaredCharset, Path directory) throws IOException {
        Charset declared = declared(declaredCharset);
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "import-", ".upload");
        boolean kept = false;
        try {
            Check primary = new Check(declared != null ? declared : StandardCharsets.UTF_8);
            MessageDigest digest = newDigest();
            long total = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    out.write(buffer, 0, n);
                    primary.feed(buffer, n);
                    total += n;
                }
            }
            primary.finish();
            Charset chosen;
            if (primary.failedAtLine == 0) {
                chosen = primary.charset;
            } else if (declared == null && validIn(file, GBK)) {
                chosen = GBK;
            } else {
                String what = declared != null ? "text in the declared charset " + declared.name()
                        : "text in UTF-8 or GBK (name another charset in the Content-Type, e.g. text/csv; charset=GB18030)";
                throw new ImportFile.Unreadable(primary.failedAtLine, "holds bytes that are not " + what).problem();
            }
            kept = true;
            return new ImportUpload(file, chosen, digest.digest(), total);
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Whether every byte of the file decodes in the charset (read again from disk: only files that are not UTF-8). */
    private static boolean validIn(Path file, Charset charset) throws IOException {
        Check check = new Check(charset);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0 && check.failedAtLine == 0; n = in.read(buffer)) {
                check.feed(buffer, n);
            }
        }
        check.finish();
        return check.failedAtLine == 0;
    }

    public Path file() {
        return file;
    }

    public Charset charset() {
        return charset;
    }

    public byte[] sha256() {
        return sha256;
    }

    public long bytes() {
        return bytes;
    }

    /** The text, decoded strictly in the chosen charset (already checked, so it cannot fail on the bytes). */
    public BufferedReader reader() throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset declared(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.invalid("Content-Type", "names a charset this service does not know: " + name);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decodes bytes strictly as they pass, remembering the line (1-based) of the first byte that does not decode. */
    private static final class Check {
        final Charset charset;
        final CharsetDecoder decoder;
        final ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 16);
        final CharBuffer sink = CharBuffer.allocate(1 << 16);
        long line = 1;
        long failedAtLine;

        Check(Charset charset) {
            this.charset = charset;
            this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        void feed(byte[] bytes, int length) {
            if (failedAtLine > 0) {
                return;
            }
            int offset = 0;
            while (offset < length && failedAtLine == 0) {
                int n = Math.min(length - offset, pending.remaining());
                pending.put(bytes, offset, n);
                offset += n;
                pending.flip();
                decode(false);
                pending.compact();
            }
        }

        void finish() {
            if (failedAtLine == 0) {
                pending.flip();
                decode(true);
                pending.compact();
            }
        }

        private void decode(boolean end) {
            while (true) {
                int before = pending.position();
                sink.clear();
                CoderResult result = decoder.decode(pending, sink, end);
                // newlines (0x0A) never occur inside a multi-byte UTF-8 or GBK character, so counting bytes is exact
                countLines(before, pending.position());
                if (result.isError()) {
                    failedAtLine = line;
                    return;
                }
                if (!result.isOverflow()) {
                    if (end) {
                        sink.clear();
                        if (decoder.flush(sink).isError()) {
                            failedAtLine = line;
                        }
                    }
                    return;
                }
            }
        }

        private void countLines(int from, int to) {
            for (int i = from; i < to; i++) {
                if (pending.get(i) == '\n') {
                    line++;
                }
            }
        }
    }
}
