package org.rongtong.matching.rest;

import java.time.Instant;
import java.util.List;

/**
 * How far matching-service has processed its input (docs/adr/0023-replicas-that-agree.md): per topic, the projection's
 * watermark (shared by all replicas) beside the topic's end, and this replica's own index.
 *
 * @param replica           the replica that answered
 * @param ready             its index is rebuilt and caught up (what readiness says)
 * @param indexedEnterprises the active enterprises in its index
 * @param topics            registry.enterprises.v1 and demand.demands.v1, as the projection applied them
 * @param index             registry.enterprises.v1 as this replica's index read it
 */
public record StatusView(String replica, boolean ready, int indexedEnterprises, List<Topic> topics, Topic index) {

    /**
     * @param lag               records published but not yet applied, over all partitions
     * @param processedThrough  everything published to the topic up to this instant has been applied (null: not known
     *                          yet); a partner that registered or published before it can read the result
     */
    public record Topic(String topic, long lag, Instant processedThrough, List<Partition> partitions) {
    }

    /**
     * @param appliedOffset the last offset applied (-1: none)
     * @param recordTime    when that record was published
     * @param appliedAt     when it was applied (null for the index: it keeps no such time)
     */
    public record Partition(int partition, long endOffset, long appliedOffset, long lag, Instant recordTime, Instant appliedAt) {
    }
}
