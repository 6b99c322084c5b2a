package org.rongtong.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Strimzi, CloudNativePG and prometheus-operator documents conform to the CRDs vendored in deploy/kubernetes/crds. */
class CrdSchemaTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @Test
    void theVendoredCrdsCoverEveryKindTheManifestsUse() {
        Set<String> kinds = new TreeSet<>();
        CrdSchemas.all().keySet().forEach(k -> kinds.add(k.group() + "/" + k.version() + " " + k.kind()));
        for (String expected : List.of("kafka.strimzi.io/v1 Kafka", "kafka.strimzi.io/v1 KafkaNodePool", "kafka.strimzi.io/v1 KafkaTopic",
                "kafka.strimzi.io/v1 KafkaUser", "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io/v1 Database",
                "postgresql.cnpg.io/v1 ScheduledBackup", "monitoring.coreos.com/v1 ServiceMonitor")) {
            assertTrue(kinds.contains(expected), "vendored CRDs lack " + expected + "; they hold " + kinds);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyCustomResourceConformsToItsCrdSchema(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        Set<String> groups = CrdSchemas.groups();
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (JsonNode doc : r.documents()) {
            String group = CrdSchemas.keyOf(doc).map(CrdSchemas.Key::group).orElse("");
            if (!groups.contains(group)) {
                continue;
            }
            validated++;
            for (String message : CrdSchemas.validate(doc)) {
                problems.add(doc.path("kind").asText() + "/" + Manifests.Rendered.name(doc) + ": " + message);
            }
        }
        assertEquals(List.of(), problems, overlay + ": custom resources that the API server would refuse");
        // Kafka, two node pools, eight topics, four users, the PostgreSQL cluster, three databases, four ServiceMonitors
        assertTrue(validated >= 23, overlay + ": only " + validated + " custom resources validated");
    }

    @Test
    void theSchemaRefusesAMisspeltFieldAndAWrongType() {
        // the conversion keeps the schemas strict: not every document would pass a schema that allows anything
        JsonNode topic = Manifests.render("prod").ofKind("KafkaTopic").get(0).deepCopy();
        ObjectNode spec = (ObjectNode) topic.path("spec");
        spec.put("partitions", "six");
        spec.put("replica", 3);
        List<String> messages = CrdSchemas.validate(topic);
        assertFalse(messages.isEmpty(), "a KafkaTopic with partitions \"six\" and an unknown field passed");
        assertTrue(messages.stream().anyMatch(m -> m.contains("partitions")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("replica")), messages.toString());
    }
}
