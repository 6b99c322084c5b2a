package org.rongtong.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/** A database per service in the CloudNativePG cluster, owned by the service's own role, reached over verified TLS. */
class PostgresTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceOwnsItsDatabaseThroughARoleOfItsOwnWhosePasswordItReads(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        JsonNode cluster = r.ofKind("Cluster").get(0);
        String clusterName = Manifests.Rendered.name(cluster);
        JsonNode spec = cluster.path("spec");
        assertFalse(spec.path("enableSuperuserAccess").asBoolean(false), "no superuser password Secret");

        // database -> owner, and role -> the Secret holding its password
        Map<String, String> ownerOf = new HashMap<>();
        Map<String, String> secretOf = new HashMap<>();
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        ownerOf.put(initdb.path("database").asText(), initdb.path("owner").asText());
        secretOf.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        List<String> problems = new ArrayList<>();
        for (JsonNode role : spec.path("managed").path("roles")) {
            secretOf.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
            if (role.path("superuser").asBoolean(false) || role.path("createrole").asBoolean(false) || !role.path("login").asBoolean(false)) {
                problems.add("role " + role.path("name").asText() + " must log in and be neither superuser nor role creator");
            }
        }
        for (JsonNode db : r.ofKind("Database")) {
            if (clusterName.equals(db.path("spec").path("cluster").path("name").asText())) {
                ownerOf.put(db.path("spec").path("name").asText(), db.path("spec").path("owner").asText());
            }
        }
        String hba = spec.path("postgresql").path("pg_hba").toString();

        for (JsonNode d : r.ofKind("Deployment")) {
            String module = Manifests.Rendered.name(d);
            Map<String, String> config = Services.inCluster(module, Services.mountedConfig(r, d));
            URI jdbc = URI.create(config.getOrDefault("quarkus.datasource.jdbc.url", "jdbc:none://").substring("jdbc:".length()));
            URI reactive = URI.create(config.getOrDefault("quarkus.datasource.reactive.url", "none://"));
            String database = jdbc.getPath().substring(1);
            if (!database.equals(reactive.getPath().substring(1)) || !jdbc.getHost().equals(reactive.getHost())) {
                problems.add(module + ": JDBC (" + jdbc + ") and reactive (" + reactive + ") URLs name different databases");
            }
            if (!(clusterName + "-rw").equals(jdbc.getHost())) {
                problems.add(module + ": connects to " + jdbc.getHost() + ", not the primary of " + clusterName + " (" + clusterName + "-rw)");
            }
            String owner = ownerOf.get(database);
            if (owner == null) {
                problems.add(module + ": database " + database + " is created neither by initdb nor by a Database resource");
                continue;
            }
            JsonNode container = d.path("spec").path("template").path("spec").path("containers").get(0);
            String userSecret = Services.env(container, "PGUSER").path("valueFrom").path("secretKeyRef").path("name").asText();
            String passwordSecret = Services.env(container, "PGPASSWORD").path("valueFrom").path("secretKeyRef").path("name").asText();
            if (!userSecret.equals(secretOf.get(owner)) || !passwordSecret.equals(secretOf.get(owner))) {
                problems.add(module + ": reads PGUSER/PGPASSWORD from " + userSecret + "/" + passwordSecret + ", but the role " + owner
                        + " has its password in " + secretOf.get(owner));
            }
            if (!hba.contains("hostssl " + database + " " + owner + " ")) {
                problems.add(module + ": pg_hba does not let " + owner + " reach " + database + " over TLS");
            }
            // TLS with the server checked against the cluster's CA, for Flyway and the outbox (JDBC) and the reactive client
            String query = jdbc.getQuery() == null ? "" : jdbc.getQuery();
            if (!query.contains("sslmode=verify-full")) {
                problems.add(module + ": JDBC URL without sslmode=verify-full");
            }
            String rootCert = query.replaceAll(".*sslrootcert=([^&]*).*", "$1");
            if (!KafkaTest.mountedFromSecret(d, rootCert, clusterName + "-ca")) {
                problems.add(module + ": sslrootcert " + rootCert + " is not the cluster's CA (Secret " + clusterName + "-ca)");
            }
            KafkaTest.check(problems, module, "quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full", config);
            String pem = config.getOrDefault("quarkus.datasource.reactive.trust-certificate-pem.certs", "");
            if (!KafkaTest.mountedFromSecret(d, pem, clusterName + "-ca")) {
                problems.add(module + ": the reactive client does not trust the cluster's CA (" + pem + ")");
            }
        }
        assertTrue(hba.contains("host all all all reject"), "pg_hba refuses every other database and role: " + hba);
        assertEquals(List.of(), problems);
    }

    @Test
    void productionRunsThreeInstancesWithBackups() {
        Manifests.Rendered r = Manifests.render("prod");
        JsonNode cluster = r.ofKind("Cluster").get(0);
        assertEquals(3, cluster.path("spec").path("instances").asInt());
        JsonNode store = cluster.path("spec").path("backup").path("barmanObjectStore");
        assertTrue(store.path("destinationPath").isTextual(), "WAL archiving and base backups go to an object store");
        assertTrue(store.path("s3Credentials").path("accessKeyId").path("name").isTextual(), "object store credentials from a Secret");
        assertTrue(r.ofKind("ScheduledBackup").stream().anyMatch(b ->
                Manifests.Rendered.name(cluster).equals(b.path("spec").path("cluster").path("name").asText())), "a ScheduledBackup of the cluster");
    }

    @Test
    void developmentRunsOneInstance() {
        assertEquals(1, Manifests.render("dev").ofKind("Cluster").get(0).path("spec").path("instances").asInt());
    }
}
