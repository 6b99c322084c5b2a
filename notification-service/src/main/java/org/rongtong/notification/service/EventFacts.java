package org.rongtong.notification.service;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rongtong.outbox.TraceContext;

/**
 * What filters and scopes look at in an event, whatever its type: where it lands, on which chain and field, who
 * published the demand and where, and the enterprises it names besides (a candidate list's candidates, or the candidate
 * of a moved match) with where each is registered. The CloudEvent itself goes out as it came in, or with the candidate
 * list cut to what the receiver may see ({@link Audience}).
 *
 * @param rankedList a candidate list (DemandMatched), whose {@code data.candidates} a receiver may see only in part
 * @param trace      the producer's trace context from the record's headers: the webhook deliveries continue it
 */
public record EventFacts(
        String eventId,
        String type,
        String source,
        String subject,
        Instant time,
        String data,
        String regionCode,
        String chain,
        String field,
        UUID publisherId,
        String publisherRegion,
        List<Party> parties,
        boolean rankedList,
        TraceContext trace) {

    /** An enterprise the event names besides the publisher, and where it is registered (null when unknown). */
    public record Party(UUID id, String region) {
    }

    /** Every enterprise the event names, the publisher first. */
    public Set<UUID> enterprises() {
        Set<UUID> all = new LinkedHashSet<>();
        if (publisherId != null) {
            all.add(publisherId);
        }
        parties.forEach(p -> all.add(p.id()));
        return all;
    }
}
