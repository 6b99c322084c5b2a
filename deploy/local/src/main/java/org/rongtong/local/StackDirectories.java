package org.rongtong.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Where the stack finds the packaged services and keeps its own files (.local-stack: logs, topics, a bundled cluster). */
final class StackDirectories {

    private final Path root;

    StackDirectories(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path runner(Service s) {
        return root.resolve(s.directory).resolve("target/quarkus-app/quarkus-run.jar");
    }

    Path logs() {
        return root.resolve(".local-stack/logs");
    }

    /** The first replica's log is named after the service alone, the others get their number (from 2). */
    Path logFile(Service s, int replica) {
        return logs().resolve(replica == 0 ? s.directory + ".log" : s.directory + "-" + (replica + 1) + ".log");
    }

    Path kafka() {
        return root.resolve(".local-stack/kafka");
    }

    Path postgresData() {
        return root.resolve(".local-stack/postgres/data");
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
