package org.rongtong.notification.service;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.rongtong.notification.model.Delivery;
import org.rongtong.notification.model.Subscription;
import org.rongtong.outbox.TraceContext;

/**
 * The deliveries one consumer batch writes already leased to this replica's dispatcher, so that the common case needs
 * no claim query (ADR 0010). Places in the targets' buffers are reserved before the insert; the leased rows are handed
 * over once the transaction has committed, and every place not used is given back, also when the transaction fails.
 * A delivery is only a candidate when it heads its subscription and aggregate in the batch; the insert itself leases it
 * only when no earlier delivery of that pair is still pending in the table, so order per aggregate holds either way.
 */
final class DeliveryHandover {

    private final WebhookDispatcher dispatcher;
    private final Map<UUID, Integer> reserved = new HashMap<>();
    private final List<DueDelivery> leased = new ArrayList<>();

    DeliveryHandover(WebhookDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    /** The ids of the batch's deliveries (in batch order) that may be leased, reserving a place for each. */
    Set<UUID> candidates(List<Delivery> deliveries, Map<UUID, Subscription> subscriptions) {
        Set<UUID> chosen = new HashSet<>();
        Map<UUID, List<UUID>> heads = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Delivery d : deliveries) {
            boolean head = seen.add(d.subscriptionId + "|" + d.aggregateId);
            if (head && subscriptions.get(d.subscriptionId).status == Subscription.Status.ACTIVE) {
                heads.computeIfAbsent(d.subscriptionId, k -> new ArrayList<>()).add(d.id);
            }
        }
        heads.forEach((subscription, ids) -> {
            int granted = dispatcher.reserve(subscription, ids.size());
            if (granted > 0) {
                reserved.put(subscription, granted);
                chosen.addAll(ids.subList(0, granted));
            }
        });
        return chosen;
    }

    /** The insert leased this delivery: it goes to the dispatcher after the commit. */
    void leased(Delivery d, Subscription s) {
        leased.add(new DueDelivery(d.id, d.subscriptionId, d.eventId, d.payload, s.url, s.secret, s.previousSecret,
                s.previousSecretUntil == null ? null : s.previousSecretUntil.atOffset(ZoneOffset.UTC),
                d.traceparent == null ? TraceContext.NONE : new TraceContext(d.traceparent, d.tracestate)));
    }

    void committed() {
        Map<UUID, Integer> unused = new HashMap<>(reserved);
        leased.forEach(due -> unused.merge(due.subscriptionId(), -1, Integer::sum));
        dispatcher.handOver(leased);
        unused.forEach(dispatcher::release);
    }

    void abandoned() {
        reserved.forEach(dispatcher::release);
    }
}
