package org.rongtong.matching.config;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.rongtong.matching.service.IndexProgress;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Where this replica's index consumer starts (docs/adr/0023-replicas-that-agree.md): right after what the index already
 * holds, that is after the projection's watermark it was rebuilt with (the beginning for a partition the projection has
 * not read yet). It waits for that rebuild, on the consumer's own thread, and notes the end offsets it has to reach
 * before the replica is ready.
 */
@ApplicationScoped
@Identifier("matching-index-start")
public class IndexStart implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(IndexStart.class);

    private final IndexLoader loader;
    private final IndexProgress progress;

    public IndexStart(IndexLoader loader, IndexProgress progress) {
        this.loader = loader;
        this.progress = progress;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        while (!loader.isIndexed()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, progress.next(tp.partition()));
        }
        Map<Integer, Long> ends = new HashMap<>();
        consumer.endOffsets(partitions).forEach((tp, end) -> ends.put(tp.partition(), end));
        progress.assigned(ends);
        LOG.infof("Index consumer assigned %s; reading from %s up to %s", partitions.size(),
                partitions.stream().map(tp -> tp.partition() + "@" + progress.next(tp.partition())).toList(), ends);
    }
}
