package org.rongtong.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rongtong.testing.EmbeddedKafkaBroker;

/**
 * A packaged service started as in production, trusting the development key pair that ships in every jar, refuses to
 * start; the local stack's explicit allowance does not help on a non-loopback address.
 */
class ProductionRefusesDevelopmentKeyIT {

    private static Process start(Path log, String... options) throws Exception {
        Path root = Path.of(System.getProperty("rongtong.root", "../.."));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m",
                "-Dquarkus.http.port=" + EmbeddedKafkaBroker.freePort(),
                "-Dmp.jwt.verify.issuer=https://dev.rongtong.org/issuer",
                "-Dmp.jwt.verify.publickey.location=rongtong-dev-jwt-public.pem",
                // nothing needs to answer: the guard runs before the service would use them
                "-Dkafka.bootstrap.servers=127.0.0.1:1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/postgres",
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/postgres",
                "-Dquarkus.flyway.migrate-at-start=false"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", root.resolve("registry-service/target/quarkus-app/quarkus-run.jar").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void assertRefused(Path log, String... options) throws Exception {
        Process service = start(log, options);
        boolean exited = service.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            service.destroyForcibly();
        }
        assertTrue(exited, "the service kept running with the development key: " + Files.readString(log));
        assertNotEquals(0, service.exitValue());
        assertTrue(Files.readString(log).contains("Refusing to start"), Files.readString(log));
    }

    @Test
    void aProductionServiceTrustingTheDevelopmentKeyDoesNotStart(@TempDir Path dir) throws Exception {
        assertRefused(dir.resolve("plain.log"));
    }

    @Test
    void theLocalStacksAllowanceHoldsOnlyOnLoopback(@TempDir Path dir) throws Exception {
        assertRefused(dir.resolve("exposed.log"), "-Drongtong.security.allow-development-key=true", "-Dquarkus.http.host=0.0.0.0");
        assertFalse(Files.readString(dir.resolve("exposed.log")).contains("Listening on: http://0.0.0.0"));
    }
}
