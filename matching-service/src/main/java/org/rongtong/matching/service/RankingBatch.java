package org.rongtong.matching.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rongtong.matching.model.Match;

import io.smallrye.mutiny.Uni;

/**
 * The rankings of one batch of demand events, in one transaction (docs/adr/0034-matching-memory-and-batched-ranking.md):
 * their new matches are written together at the end, by one statement in enterprise order, and the exposure each
 * ranking adds is counted here meanwhile, so that a later demand of the batch is damped as if the earlier ones' rows
 * were already written. One write in enterprise order keeps the exposure counter's row locks in one order across the
 * batch: two batches running side by side cannot deadlock, as two single rankings could not (ADR 0028).
 */
final class RankingBatch {

    private final List<Match> pending = new ArrayList<>();
    private final Map<UUID, Integer> added = new HashMap<>();

    /** A ranking's matches, written with the batch's. */
    void add(List<Match> matches) {
        pending.addAll(matches);
        matches.forEach(m -> added.merge(m.enterpriseId, 1, Integer::sum));
    }

    /** The open candidacies read from the database, plus those the batch's earlier rankings add. */
    Map<UUID, Integer> withPending(Map<UUID, Integer> committed) {
        if (added.isEmpty()) {
            return committed;
        }
        Map<UUID, Integer> counts = new HashMap<>(committed);
        added.forEach((id, more) -> counts.merge(id, more, Integer::sum));
        return counts;
    }

    /**
     * Writes what is pending: at the end of the batch, and before anything in it reads or changes matches (a demand of
     * the batch that closes ends the live matches its own ranking just made).
     */
    Uni<Void> write() {
        if (pending.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Match> rows = List.copyOf(pending);
        pending.clear();
        added.clear();
        return MatchRows.insert(rows);
    }
}
