package org.rongtong.deploy.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.rongtong.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/** Kafka as the code uses it: every topic it names exists, none other; each service's identity may do what it does. */
class KafkaTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** The topics of the event contracts (org.rongtong.events.Topics) and of every service's channels and dead letters. */
    static Set<String> topicsTheCodeUses() throws Exception {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                topics.add((String) f.get(null));
            }
        }
        for (String module : Services.modules()) {
            Map<String, String> props = Services.packaged(module);
            topics.addAll(Services.consumedTopics(props));
            topics.addAll(Services.outgoingTopics(props));
        }
        return topics;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicTheCodeUsesHasAKafkaTopicAndNoKafkaTopicIsUnused(String overlay) throws Exception {
        Set<String> declared = new TreeSet<>();
        for (JsonNode t : Manifests.render(overlay).ofKind("KafkaTopic")) {
            declared.add(topicName(t));
        }
        Set<String> used = topicsTheCodeUses();
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(declared);
        Set<String> unused = new TreeSet<>(declared);
        unused.removeAll(used);
        assertEquals(Set.of(), missing, overlay + ": topics the code uses without a KafkaTopic (auto-creation is off)");
        assertEquals(Set.of(), unused, overlay + ": KafkaTopics no code uses");
        assertTrue(declared.containsAll(Set.of(Topics.ENTERPRISES, Topics.DEMANDS, Topics.MATCHES)), declared.toString());
    }

    @Test
    void inProductionEveryTopicKeepsThreeReplicasAndTwoInSync() {
        Manifests.Rendered r = Manifests.render("prod");
        List<String> problems = new ArrayList<>();
        for (JsonNode t : r.ofKind("KafkaTopic")) {
            if (t.path("spec").path("replicas").asInt() != 3) {
                problems.add(topicName(t) + ": replicas " + t.path("spec").path("replicas"));
            }
            if (t.path("spec").path("config").path("min.insync.replicas").asInt() != 2) {
                problems.add(topicName(t) + ": min.insync.replicas " + t.path("spec").path("config").path("min.insync.replicas"));
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(3, r.ofKind("KafkaNodePool").stream().filter(p -> p.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum(), "three brokers for three replicas");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void snapshotTopicsAreCompactedAndTheOthersExpire(String overlay) throws Exception {
        Set<String> compacted = compactedInTheAsyncApi();
        assertTrue(compacted.containsAll(Set.of(Topics.ENTERPRISES, Topics.DEMANDS)), "asyncapi.yaml marks the snapshot topics compacted: " + compacted);
        Map<String, String> messaging = Services.packaged("demand-service");
        long deadLetterRetention = duration(messaging.get("rongtong.dead-letters.retention")).toMillis();
        int deadLetterPartitions = Integer.parseInt(messaging.get("rongtong.dead-letters.partitions"));
        List<String> problems = new ArrayList<>();
        for (JsonNode t : Manifests.render(overlay).ofKind("KafkaTopic")) {
            String name = topicName(t);
            JsonNode config = t.path("spec").path("config");
            String policy = config.path("cleanup.policy").asText();
            if (compacted.contains(name)) {
                if (!"compact".equals(policy)) {
                    problems.add(name + ": carries snapshots but cleanup.policy is " + policy);
                }
            } else if (!"delete".equals(policy) || !config.path("retention.ms").canConvertToLong()) {
                problems.add(name + ": not compacted, so it needs cleanup.policy delete and a retention.ms");
            }
            if (name.endsWith(".dlq.v1")) {
                // as the services create it themselves (DeadLetters): otherwise the first start changes the retention
                if (config.path("retention.ms").asLong() != deadLetterRetention) {
                    problems.add(name + ": retention.ms " + config.path("retention.ms") + ", the services keep dead letters " + deadLetterRetention + " ms");
                }
                if (t.path("spec").path("partitions").asInt() != deadLetterPartitions) {
                    problems.add(name + ": partitions " + t.path("spec").path("partitions") + ", the services create " + deadLetterPartitions);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void consumerReplicasNeverOutnumberThePartitionsTheyRead(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String module : Services.modules()) {
            Map<String, String> props = Services.packaged(module);
            int maxReplicas = r.one("HorizontalPodAutoscaler", module).path("spec").path("maxReplicas").asInt();
            props.forEach((key, topic) -> {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && !key.endsWith(".dead-letter-queue.topic")) {
                    String channel = key.substring("mp.messaging.incoming.".length(), key.length() - ".topic".length());
                    int concurrency = Integer.parseInt(props.getOrDefault("mp.messaging.incoming." + channel + ".concurrency", "1"));
                    int partitions = r.ofKind("KafkaTopic").stream().filter(t -> topicName(t).equals(topic)).findFirst()
                            .map(t -> t.path("spec").path("partitions").asInt()).orElse(0);
                    if (maxReplicas * concurrency > partitions) {
                        problems.add(module + ": up to " + maxReplicas + " replicas x " + concurrency + " consumers of " + topic + ", which has "
                                + partitions + " partitions");
                    }
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceHasAKafkaUserAllowedWhatItDoesAndNothingElse(String overlay) throws Exception {
        Manifests.Rendered r = Manifests.render(overlay);
        Set<String> contractTopics = new TreeSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                contractTopics.add((String) f.get(null));
            }
        }
        List<String> problems = new ArrayList<>();
        for (String module : Services.modules()) {
            Map<String, String> props = Services.packaged(module);
            JsonNode user = r.find("KafkaUser", module).orElse(null);
            if (user == null) {
                problems.add(module + ": no KafkaUser");
                continue;
            }
            if (!"scram-sha-512".equals(user.path("spec").path("authentication").path("type").asText())) {
                problems.add(module + ": KafkaUser not authenticated by SCRAM-SHA-512");
            }
            // the topics the service owns: named after it (registry-service owns registry.*), published by its outbox relay
            String owner = module.replace("-service", "") + ".";
            Set<String> writes = new LinkedHashSet<>();
            contractTopics.stream().filter(t -> t.startsWith(owner)).forEach(writes::add);
            writes.addAll(Services.outgoingTopics(props));
            Set<String> reads = Services.consumedTopics(props);
            Set<String> needed = new TreeSet<>();
            writes.forEach(t -> needed.add("topic " + t + " Write"));
            reads.forEach(t -> needed.add("topic " + t + " Read"));
            Services.consumerGroups(props).forEach(g -> needed.add("group " + g + " Read"));
            Services.deadLetterTopic(props).ifPresent(dlq -> {
                // the service creates its dead-letter topic or re-asserts its retention at start; operators list it
                needed.add("topic " + dlq + " Create");
                needed.add("topic " + dlq + " AlterConfigs");
                needed.add("topic " + dlq + " Read");
                // replaying a dead letter writes it back to the topic it came from
                reads.forEach(t -> needed.add("topic " + t + " Write"));
            });
            Set<String> allowed = new TreeSet<>();
            Set<String> resources = new TreeSet<>();
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode res = acl.path("resource");
                resources.add(res.path("type").asText() + " " + res.path("name").asText());
                for (JsonNode op : acl.path("operations")) {
                    allowed.add(res.path("type").asText() + " " + res.path("name").asText() + " " + op.asText());
                }
                if ("prefix".equals(res.path("patternType").asText()) && !res.path("name").asText().startsWith(module)) {
                    problems.add(module + ": prefix ACL on " + res.path("name").asText() + " reaches beyond the service's own names");
                }
            }
            for (String need : needed) {
                if (!allowed.contains(need) && !coveredByPrefix(user, need)) {
                    problems.add(module + ": KafkaUser lacks " + need);
                }
            }
            Set<String> neededResources = new TreeSet<>();
            needed.forEach(n -> neededResources.add(n.substring(0, n.lastIndexOf(' '))));
            for (String resource : resources) {
                if (!neededResources.contains(resource) && needed.stream().noneMatch(n -> n.startsWith(resource))) {
                    problems.add(module + ": KafkaUser allows " + resource + ", which the service does not use");
                }
            }
            // the Deployment authenticates as that user
            JsonNode container = r.one("Deployment", module).path("spec").path("template").path("spec").path("containers").get(0);
            Map<String, String> config = Services.inCluster(module, Services.mountedConfig(r, r.one("Deployment", module)));
            String jaas = config.getOrDefault("kafka.sasl.jaas.config", "");
            Set<String> variables = Services.environmentReferences(jaas);
            if (variables.size() != 1) {
                problems.add(module + ": kafka.sasl.jaas.config should read one environment variable, reads " + variables);
            } else {
                JsonNode ref = Services.env(container, variables.iterator().next()).path("valueFrom").path("secretKeyRef");
                if (!module.equals(ref.path("name").asText()) || !"sasl.jaas.config".equals(ref.path("key").asText())) {
                    problems.add(module + ": the JAAS configuration is not the KafkaUser's Secret (" + ref + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean coveredByPrefix(JsonNode user, String need) {
        String[] parts = need.split(" ");
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode res = acl.path("resource");
            if ("prefix".equals(res.path("patternType").asText()) && res.path("type").asText().equals(parts[0])
                    && parts[1].startsWith(res.path("name").asText()) && acl.path("operations").toString().contains("\"" + parts[2] + "\"")) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesConnectToTheKafkaListenerTheirUsersAuthenticateOn(String overlay) {
        Manifests.Rendered r = Manifests.render(overlay);
        JsonNode kafka = r.ofKind("Kafka").get(0);
        String cluster = Manifests.Rendered.name(kafka);
        JsonNode listener = null;
        for (JsonNode l : kafka.path("spec").path("kafka").path("listeners")) {
            if (l.path("tls").asBoolean() && "scram-sha-512".equals(l.path("authentication").path("type").asText())) {
                listener = l;
            }
        }
        if (listener == null) {
            fail("no TLS listener with SCRAM-SHA-512 authentication");
        }
        assertEquals("simple", kafka.path("spec").path("kafka").path("authorization").path("type").asText(), "ACLs are enforced");
        assertEquals("false", kafka.path("spec").path("kafka").path("config").path("auto.create.topics.enable").asText(),
                "topics exist because a KafkaTopic says so");
        List<String> problems = new ArrayList<>();
        for (JsonNode d : r.ofKind("Deployment")) {
            String module = Manifests.Rendered.name(d);
            Map<String, String> config = Services.inCluster(module, Services.mountedConfig(r, d));
            String expected = cluster + "-kafka-bootstrap:" + listener.path("port").asInt();
            check(problems, module, "kafka.bootstrap.servers", expected, config);
            check(problems, module, "kafka.security.protocol", "SASL_SSL", config);
            check(problems, module, "kafka.sasl.mechanism", "SCRAM-SHA-512", config);
            String truststore = config.getOrDefault("kafka.ssl.truststore.location", "");
            if (!mountedFromSecret(d, truststore, cluster + "-cluster-ca-cert")) {
                problems.add(module + ": kafka.ssl.truststore.location " + truststore + " is not the cluster CA (Secret " + cluster + "-cluster-ca-cert)");
            }
        }
        assertEquals(List.of(), problems);
    }

    static void check(List<String> problems, String module, String key, String expected, Map<String, String> config) {
        if (!expected.equals(config.get(key))) {
            problems.add(module + ": " + key + " is " + config.get(key) + ", expected " + expected);
        }
    }

    /** Whether a file path lies on a volume mounted from that Secret. */
    static boolean mountedFromSecret(JsonNode deployment, String file, String secret) {
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        for (JsonNode m : pod.path("containers").get(0).path("volumeMounts")) {
            if (file.startsWith(m.path("mountPath").asText() + "/")) {
                for (JsonNode v : pod.path("volumes")) {
                    if (v.path("name").asText().equals(m.path("name").asText()) && secret.equals(v.path("secret").path("secretName").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static String topicName(JsonNode topic) {
        return topic.path("spec").path("topicName").asText(Manifests.Rendered.name(topic));
    }

    private static Set<String> compactedInTheAsyncApi() throws Exception {
        JsonNode api = Manifests.YAML.readTree(Manifests.root().resolve("docs/asyncapi.yaml").toFile());
        Set<String> compacted = new TreeSet<>();
        api.path("channels").forEach(channel -> {
            JsonNode kafka = channel.path("bindings").path("kafka");
            if (kafka.path("topicConfiguration").path("cleanup.policy").toString().contains("compact")) {
                compacted.add(kafka.path("topic").asText(channel.path("address").asText()));
            }
        });
        return compacted;
    }

    /** Quarkus' duration notation as the properties use it (365d, 1h, 30s) or ISO-8601. */
    static Duration duration(String value) {
        if (value.matches("\\d+[dhms]")) {
            long n = Long.parseLong(value.substring(0, value.length() - 1));
            return switch (value.charAt(value.length() - 1)) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            };
        }
        return Duration.parse(value);
    }
}
