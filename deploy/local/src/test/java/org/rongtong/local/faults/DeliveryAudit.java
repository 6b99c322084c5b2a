package org.rongtong.local.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rongtong.local.Service;
import org.rongtong.local.StackClient;
import org.rongtong.testing.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What arrived where, after the faults: every enterprise and demand the workload was told about exists once (REST and
 * topic, de-duplicated by CloudEvents id), every demand was ranked and its matches reached the topic, every SME reached
 * matching-service (it is a match of each demand of its group), every match event reached the webhook receiver, and no
 * dead-letter topic holds anything. Each check that fails adds a line saying what was lost, doubled or parked.
 */
public final class DeliveryAudit {

    static final String ENTERPRISES = "registry.enterprises.v1";
    static final String DEMANDS = "demand.demands.v1";
    static final String MATCHES = "matching.matches.v1";
    static final String ENTERPRISE_REGISTERED = "rongtong.registry.enterprise.registered.v1";
    static final String DEMAND_PUBLISHED = "rongtong.demand.demand.published.v1";
    static final String DEMAND_MATCHED = "rongtong.matching.demand.matched.v1";
    static final String CANDIDATES_CHANGED = "rongtong.matching.demand.candidates-changed.v1";
    /** The types on the match topic that a subscription with no filter receives. */
    static final String MATCH_TYPE_PREFIX = "rongtong.matching.";

    private final StackClient client;
    private final String bootstrapServers;
    private final Workload workload;
    private final WebhookReceiver receiver;
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> summary = new ArrayList<>();

    public DeliveryAudit(StackClient client, String bootstrapServers, Workload workload, WebhookReceiver receiver) {
        this.client = client;
        this.bootstrapServers = bootstrapServers;
        this.workload = workload;
        this.receiver = receiver;
    }

    /** Counts of what the last {@link #problems()} saw, for the log. */
    public List<String> summary() {
        return List.copyOf(summary);
    }

    /** Everything that is wrong now; empty when every event arrived exactly once and nothing was parked. */
    public List<String> problems() {
        summary.clear();
        List<String> problems = new ArrayList<>();
        List<ConsumerRecord<String, String>> enterpriseRecords = readAll(ENTERPRISES);
        List<ConsumerRecord<String, String>> demandRecords = readAll(DEMANDS);
        List<ConsumerRecord<String, String>> matchRecords = readAll(MATCHES);
        checkEnterprises(enterpriseRecords, problems);
        checkDemands(demandRecords, problems);
        checkMatches(matchRecords, problems);
        checkWebhooks(matchRecords, problems);
        checkDeadLetters(problems);
        return problems;
    }

    private void checkEnterprises(List<ConsumerRecord<String, String>> records, List<String> problems) {
        // credit code -> the aggregate ids registered with it, and aggregate id -> distinct registration event ids
        Map<String, Set<String>> idsByCode = new HashMap<>();
        Map<String, Set<String>> eventIdsById = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            if (ENTERPRISE_REGISTERED.equals(header(r, "ce_type"))) {
                JsonNode data = read(r);
                idsByCode.computeIfAbsent(data.path("creditCode").asText(), k -> new HashSet<>()).add(r.key());
                eventIdsById.computeIfAbsent(r.key(), k -> new HashSet<>()).add(header(r, "ce_id"));
            }
        }
        List<Workload.Enterprise> expected = workload.enterprises();
        int lost = 0;
        for (Workload.Enterprise e : expected) {
            Set<String> ids = idsByCode.getOrDefault(e.creditCode(), Set.of());
            if (ids.isEmpty()) {
                lost++;
                problems.add("lost: enterprise " + e.name() + " (" + e.creditCode() + ") was registered but its event never reached " + ENTERPRISES);
                continue;
            }
            if (ids.size() > 1) {
                problems.add("doubled: credit code " + e.creditCode() + " registered as " + ids.size() + " enterprises " + ids);
            }
            if (e.id() != null && !ids.contains(e.id().toString())) {
                problems.add("wrong: enterprise " + e.name() + " is " + e.id() + " in the registry's answer but " + ids + " on " + ENTERPRISES);
            }
            for (String id : ids) {
                Set<String> eventIds = eventIdsById.get(id);
                if (eventIds.size() > 1) {
                    problems.add("doubled: enterprise " + id + " has " + eventIds.size() + " distinct registration events " + eventIds);
                }
            }
        }
        // REST: the registry answers for each of them (those of the bulk import by the id the topic gave)
        int missing = 0;
        for (Workload.Enterprise e : expected) {
            String id = e.id() != null ? e.id().toString() : idsByCode.getOrDefault(e.creditCode(), Set.of()).stream().findFirst().orElse(null);
            if (id == null) {
                continue;
            }
            StackClient.Reply reply = client.get(Service.REGISTRY, "/api/v1/enterprises/" + id, DevTokens.operator());
            if (reply.status() != 200 || !e.creditCode().equals(reply.body().path("creditCode").asText())) {
                missing++;
                problems.add("lost: registry-service answers " + reply.status() + " for enterprise " + id + " (" + e.name() + ")");
            }
        }
        summary.add(String.format("enterprises: %d registered, %d on %s (%d records), %d lost, %d not answered by the registry",
                expected.size(), expected.size() - lost, ENTERPRISES, records.size(), lost, missing));
    }

    private void checkDemands(List<ConsumerRecord<String, String>> records, List<String> problems) {
        Map<String, Set<String>> idsByTitle = new HashMap<>();
        Map<String, Set<String>> eventIdsById = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            if (DEMAND_PUBLISHED.equals(header(r, "ce_type"))) {
                idsByTitle.computeIfAbsent(read(r).path("title").asText(), k -> new HashSet<>()).add(r.key());
                eventIdsById.computeIfAbsent(r.key(), k -> new HashSet<>()).add(header(r, "ce_id"));
            }
        }
        List<Workload.Demand> expected = workload.demands();
        int lost = 0;
        for (Workload.Demand d : expected) {
            Set<String> ids = idsByTitle.getOrDefault(d.title(), Set.of());
            if (!ids.contains(d.id().toString())) {
                lost++;
                problems.add("lost: demand " + d.id() + " (" + d.title() + ") was published but its event never reached " + DEMANDS);
            }
            if (ids.size() > 1) {
                problems.add("doubled: demand title " + d.title() + " published as " + ids.size() + " demands " + ids);
            }
            Set<String> eventIds = eventIdsById.getOrDefault(d.id().toString(), Set.of());
            if (eventIds.size() > 1) {
                problems.add("doubled: demand " + d.id() + " has " + eventIds.size() + " distinct published events " + eventIds);
            }
            StackClient.Reply reply = client.get(Service.DEMAND, "/api/v1/demands/" + d.id(), DevTokens.operator());
            if (reply.status() != 200 || !"PUBLISHED".equals(reply.body().path("status").asText())) {
                problems.add("lost: demand-service answers " + reply.status() + " " + reply.body().path("status").asText() + " for demand " + d.id());
            }
        }
        // REST: each title once among its publisher's demands (a duplicate that never reached the topic shows here)
        Map<UUID, List<Workload.Demand>> byPublisher = expected.stream().collect(Collectors.groupingBy(Workload.Demand::publisherId));
        for (var entry : byPublisher.entrySet()) {
            StackClient.Reply page = client.get(Service.DEMAND, "/api/v1/demands?publisher=" + entry.getKey() + "&size=100", DevTokens.operator());
            if (page.status() != 200) {
                problems.add("unknown: demand-service answers " + page.status() + " when listing the demands of " + entry.getKey());
                continue;
            }
            Map<String, Integer> titles = new HashMap<>();
            page.body().get("items").forEach(item -> titles.merge(item.get("title").asText(), 1, Integer::sum));
            for (Workload.Demand d : entry.getValue()) {
                int n = titles.getOrDefault(d.title(), 0);
                if (n != 1) {
                    problems.add("doubled or lost: demand-service lists " + n + " demands titled " + d.title());
                }
            }
        }
        summary.add(String.format("demands: %d published, %d on %s (%d records), %d lost", expected.size(), expected.size() - lost, DEMANDS,
                records.size(), lost));
    }

    private void checkMatches(List<ConsumerRecord<String, String>> records, List<String> problems) {
        // the latest candidate list of each demand on the topic (one key, one partition: offsets order them), with the
        // deltas after it applied (ADR 0022: reverse matching publishes the candidates added and displaced, not the list)
        Map<String, JsonNode> latest = new HashMap<>();
        Map<String, Long> latestOffset = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            if (DEMAND_MATCHED.equals(header(r, "ce_type")) && r.offset() >= latestOffset.getOrDefault(r.key(), -1L)) {
                latest.put(r.key(), read(r));
                latestOffset.put(r.key(), r.offset());
            }
        }
        Map<String, Set<String>> listed = new HashMap<>();
        latest.forEach((demand, event) -> {
            Set<String> ids = new TreeSet<>();
            event.path("candidates").forEach(c -> ids.add(c.path("matchId").asText()));
            listed.put(demand, ids);
        });
        records.stream().filter(r -> CANDIDATES_CHANGED.equals(header(r, "ce_type")) && listed.containsKey(r.key())
                && r.offset() > latestOffset.get(r.key())).sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
                .forEach(r -> {
                    JsonNode delta = read(r);
                    delta.path("candidates").forEach(c -> listed.get(r.key()).add(c.path("matchId").asText()));
                    delta.path("displaced").forEach(c -> listed.get(r.key()).remove(c.path("matchId").asText()));
                });
        Map<Integer, List<Workload.Enterprise>> smesByGroup = workload.enterprises().stream().filter(e -> e.group() >= 0 && !e.leader())
                .collect(Collectors.groupingBy(Workload.Enterprise::group));
        int ranked = 0;
        int matches = 0;
        for (Workload.Demand d : workload.demands()) {
            StackClient.Reply reply = client.get(Service.MATCHING, "/api/v1/demands/" + d.id() + "/matches", DevTokens.operator());
            if (reply.status() != 200) {
                problems.add("lost: matching-service answers " + reply.status() + " for the matches of demand " + d.id() + " (" + d.title() + ")");
                continue;
            }
            Set<String> matchIds = new TreeSet<>();
            Map<String, Integer> perEnterprise = new HashMap<>();
            for (JsonNode m : reply.body()) {
                matchIds.add(m.get("id").asText());
                perEnterprise.merge(m.get("enterpriseId").asText(), 1, Integer::sum);
            }
            matches += matchIds.size();
            perEnterprise.forEach((enterprise, n) -> {
                if (n > 1) {
                    problems.add("doubled: enterprise " + enterprise + " is matched " + n + " times to demand " + d.id());
                }
            });
            for (Workload.Enterprise sme : smesByGroup.getOrDefault(d.group(), List.of())) {
                if (!perEnterprise.containsKey(sme.id().toString())) {
                    problems.add("lost: " + sme.name() + " (" + sme.id() + ") fits demand " + d.id() + " (" + d.title()
                            + ") but is not among its matches: its registration or the demand never reached matching-service");
                }
            }
            JsonNode event = latest.get(d.id().toString());
            if (event == null) {
                problems.add("lost: demand " + d.id() + " (" + d.title() + ") was never ranked: no " + DEMAND_MATCHED + " on " + MATCHES);
                continue;
            }
            ranked++;
            Set<String> onTopic = listed.get(d.id().toString());
            if (!onTopic.equals(matchIds)) {
                problems.add("lost: the latest candidate list of demand " + d.id() + " on " + MATCHES + " has matches " + onTopic
                        + ", matching-service has " + matchIds);
            }
        }
        summary.add(String.format("matches: %d of %d demands ranked on %s, %d matches, %d records", ranked, workload.demands().size(), MATCHES,
                matches, records.size()));
    }

    private void checkWebhooks(List<ConsumerRecord<String, String>> records, List<String> problems) {
        Set<String> expected = new LinkedHashSet<>();
        int repeats = 0;
        for (ConsumerRecord<String, String> r : records) {
            String type = header(r, "ce_type");
            if (type != null && type.startsWith(MATCH_TYPE_PREFIX) && !expected.add(header(r, "ce_id"))) {
                repeats++;
            }
        }
        Set<String> received = receiver.ids();
        Set<String> missing = new LinkedHashSet<>(expected);
        missing.removeAll(received);
        Set<String> unexpected = new LinkedHashSet<>(received);
        unexpected.removeAll(expected);
        if (!missing.isEmpty()) {
            problems.add("lost: " + missing.size() + " of " + expected.size() + " match events never reached the webhook receiver, e.g. "
                    + missing.stream().limit(5).toList());
        }
        if (!unexpected.isEmpty()) {
            problems.add("wrong: the webhook receiver got " + unexpected.size() + " ids that are on no topic, e.g. " + unexpected.stream().limit(5).toList());
        }
        if (receiver.withoutId() > 0) {
            problems.add("wrong: " + receiver.withoutId() + " webhook deliveries came without a webhook-id");
        }
        summary.add(String.format("webhooks: %d distinct event ids expected, %d received (%d requests: %d repeats de-duplicated; %d repeated records on %s)",
                expected.size(), received.size(), receiver.requests(), receiver.requests() - received.size(), repeats, MATCHES));
    }

    private void checkDeadLetters(List<String> problems) {
        Set<String> topics = new TreeSet<>(Set.of("demand-service.dlq.v1", "matching-service.dlq.v1", "notification-service.dlq.v1"));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.listTopics().names().get().stream().filter(t -> t.endsWith(".dlq.v1")).forEach(topics::add);
        } catch (Exception e) {
            problems.add("unknown: could not list the topics: " + e);
            return;
        }
        int parked = 0;
        for (String topic : topics) {
            for (ConsumerRecord<String, String> r : readAll(topic)) {
                parked++;
                problems.add("parked: " + topic + " holds " + header(r, "ce_type") + " " + header(r, "ce_id") + " (key " + r.key() + ") from "
                        + header(r, "dead-letter-topic") + ": " + header(r, "dead-letter-reason"));
            }
        }
        summary.add(String.format("dead letters: %d record(s) in %s", parked, topics));
    }

    /** Every record on the topic up to its current end (none if the topic does not exist). */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "enable.auto.commit", "false", "max.poll.records", "2000",
                // reading a dead-letter topic nobody wrote to must not create it
                "allow.auto.create.topics", "false"), new StringDeserializer(), new StringDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = new LinkedHashMap<>(consumer.endOffsets(assigned, Duration.ofSeconds(10)));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        } catch (org.apache.kafka.common.errors.UnknownTopicOrPartitionException e) {
            return List.of();
        }
    }

    private JsonNode read(ConsumerRecord<String, String> r) {
        try {
            return json.readTree(r.value());
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable record on " + r.topic() + " at " + r.offset() + ": " + r.value(), e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
