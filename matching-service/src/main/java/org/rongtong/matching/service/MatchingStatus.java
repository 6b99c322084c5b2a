package org.rongtong.matching.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rongtong.events.Topics;
import org.rongtong.matching.config.IndexLoader;
import org.rongtong.matching.rest.StatusView;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/** The watermarks beside the topics' end offsets, for GET /api/v1/matching/status (docs/adr/0023-replicas-that-agree.md). */
@ApplicationScoped
public class MatchingStatus {

    private static final List<String> TOPICS = List.of(Topics.ENTERPRISES, Topics.DEMANDS);

    private final Watermarks watermarks;
    private final IndexProgress progress;
    private final IndexLoader loader;
    private final MatchEngine engine;
    private final String replica;
    private final Map<String, Object> kafka;
    private Admin admin;

    public MatchingStatus(Watermarks watermarks, IndexProgress progress, IndexLoader loader, MatchEngine engine,
            @ConfigProperty(name = "rongtong.replica.id") String replica,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.watermarks = watermarks;
        this.progress = progress;
        this.loader = loader;
        this.engine = engine;
        this.replica = replica;
        this.kafka = kafka;
    }

    /** The end offsets first (the Admin client answers on its own thread), then the watermarks, back on the request's context. */
    public Uni<StatusView> status() {
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return ends().emitOn(task -> context.runOnContext(x -> task.run()))
                .chain(end -> Panache.withSession(() -> watermarks.of(Topics.ENTERPRISES)
                        .chain(enterprises -> watermarks.of(Topics.DEMANDS).map(demands -> view(end, enterprises, demands)))));
    }

    private StatusView view(Map<String, Map<Integer, Long>> end, Map<Integer, Watermarks.Mark> enterprises, Map<Integer, Watermarks.Mark> demands) {
        Instant now = Instant.now();
        Map<Integer, Long> enterpriseEnds = end.getOrDefault(Topics.ENTERPRISES, Map.of());
        List<StatusView.Topic> topics = List.of(
                topic(Topics.ENTERPRISES, enterpriseEnds, enterprises, now),
                topic(Topics.DEMANDS, end.getOrDefault(Topics.DEMANDS, Map.of()), demands, now));
        Map<Integer, Watermarks.Mark> read = new HashMap<>();
        progress.partitions().forEach((p, r) -> {
            if (r.lastOffset() >= 0) {
                read.put(p, new Watermarks.Mark(r.lastOffset(), r.recordTime(), null));
            }
        });
        return new StatusView(replica, loader.isIndexed() && progress.caughtUp(), engine.index().size(), topics,
                topic(Topics.ENTERPRISES, enterpriseEnds, read, now));
    }

    private static StatusView.Topic topic(String name, Map<Integer, Long> ends, Map<Integer, Watermarks.Mark> marks, Instant now) {
        List<StatusView.Partition> partitions = new ArrayList<>();
        long lag = 0;
        Instant through = now;
        for (var e : ends.entrySet()) {
            Watermarks.Mark mark = marks.get(e.getKey());
            long applied = mark == null ? -1 : mark.offset();
            long behind = Math.max(0, e.getValue() - (applied + 1));
            lag += behind;
            if (behind > 0) {
                // everything up to the last applied record's time is in; nothing applied yet: nothing known
                Instant upTo = mark == null ? null : mark.recordTime();
                through = through == null || upTo == null ? null : (upTo.isBefore(through) ? upTo : through);
            }
            partitions.add(new StatusView.Partition(e.getKey(), e.getValue(), applied, behind,
                    mark == null ? null : mark.recordTime(), mark == null ? null : mark.appliedAt()));
        }
        return new StatusView.Topic(name, lag, through, partitions);
    }

    /** The topics' end offsets by partition (one Admin client, kept). */
    private Uni<Map<String, Map<Integer, Long>>> ends() {
        Admin client = admin();
        return Uni.createFrom().completionStage(client.describeTopics(TOPICS).allTopicNames().toCompletionStage())
                .chain(described -> {
                    Map<TopicPartition, OffsetSpec> latest = described.values().stream()
                            .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                            .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
                    return Uni.createFrom().completionStage(client.listOffsets(latest).all().toCompletionStage());
                })
                .map(offsets -> {
                    Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
                    offsets.forEach((tp, info) -> byTopic.computeIfAbsent(tp.topic(), t -> new java.util.TreeMap<>())
                            .put(tp.partition(), info.offset()));
                    return byTopic;
                });
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(new HashMap<>(kafka));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
