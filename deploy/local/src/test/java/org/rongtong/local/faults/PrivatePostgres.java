package org.rongtong.local.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.rongtong.testing.EmbeddedKafkaBroker;
import org.rongtong.testing.PostgresServer;

/**
 * A PostgreSQL cluster of the suite's own (initdb into a directory of its own, a free port, trust auth on loopback),
 * so that stopping and starting it disturbs no one else: the shared server on 5432 serves other test runs. The binaries
 * are the installed ones ({@code /usr/lib/postgresql/<version>/bin}); PostgreSQL refuses to run as root, so as root they
 * run as the {@code postgres} OS user.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Path INSTALLED = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;

    private PrivatePostgres(Path bin, Path dataDir, int port) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** The newest installed version's binaries, or empty when PostgreSQL is not installed here. */
    static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(INSTALLED)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing((Path b) -> versionOf(b)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Where the cluster's files go: under {@code target/} normally; as root, under a directory of its own in the system's
     * temporary directory, because the postgres OS user may not pass through the checkout's directories (a clone in a
     * {@code mktemp -d} directory is readable by root only).
     */
    static Path dataDirectory(Path underTarget) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return underTarget;
        }
        Path own = Files.createTempDirectory("rongtong-faults-pg-");
        Process chown = new ProcessBuilder("chown", "postgres:postgres", own.toString()).inheritIO().start();
        try {
            if (!chown.waitFor(30, TimeUnit.SECONDS) || chown.exitValue() != 0) {
                throw new IOException("Could not hand " + own + " to the postgres OS user");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return own.resolve("data");
    }

    /** A fresh cluster in {@code dataDir} (whatever was there is removed), started. */
    static PrivatePostgres create(Path bin, Path dataDir) throws Exception {
        Files.createDirectories(dataDir.getParent());
        PrivatePostgres pg = new PrivatePostgres(bin, dataDir, EmbeddedKafkaBroker.freePort());
        pg.close(); // a server left running by an earlier run that was killed, and its files
        Files.createDirectories(dataDir);
        if (pg.asPostgresUser) {
            Process chown = new ProcessBuilder("chown", "postgres:postgres", dataDir.toString()).inheritIO().start();
            if (!chown.waitFor(30, TimeUnit.SECONDS) || chown.exitValue() != 0) {
                throw new IllegalStateException("Could not hand " + dataDir + " to the postgres OS user");
            }
        }
        pg.run(120, bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-instructions");
        // the cluster lives for one run: no fsync; the socket in the data directory, not in the shared /var/run/postgresql
        Files.writeString(dataDir.resolve("postgresql.auto.conf"), """
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                fsync = off
                full_page_writes = off
                max_connections = 200
                shared_buffers = 64MB
                """.formatted(pg.port, dataDir), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        pg.start();
        return pg;
    }

    PostgresServer server() {
        return new PostgresServer("127.0.0.1", Integer.toString(port), "postgres", "");
    }

    int port() {
        return port;
    }

    void start() throws Exception {
        run(120, bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60",
                "start");
    }

    /** Stops the server: {@code fast} ends every session at once (clients see their connections drop), as a restart does. */
    void stop() throws Exception {
        run(120, bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run(60, bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (Exception e) {
            System.err.println("Could not stop the private PostgreSQL cluster in " + dataDir + ": " + e.getMessage());
        }
        boolean existed = Files.exists(dataDir);
        deleteRecursively(dataDir);
        Path own = dataDir.getParent();
        if (existed && own.getFileName().toString().startsWith("rongtong-faults-pg-")) {
            deleteRecursively(own); // the directory dataDirectory made for this run
        }
    }

    private void run(int timeoutSeconds, String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        // output to a file, not a pipe: the server pg_ctl starts must not hold on to our end
        Path output = Files.createTempFile(dataDir.getParent(), "pg-command-", ".log");
        try {
            // started in the data directory's parent: the postgres OS user may not enter the build's working directory
            Process p = new ProcessBuilder(full).directory(dataDir.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish within " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (" + p.exitValue() + "): "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // left behind under target/: the next run or mvn clean removes it
        }
    }
}
