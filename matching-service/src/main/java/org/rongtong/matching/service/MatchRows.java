package org.rongtong.matching.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.rongtong.matching.model.Match;

import io.smallrye.mutiny.Uni;

/**
 * New matches written as rows by one multi-row INSERT, in the caller's session and transaction (docs/adr/0028).
 * A ranking writes up to 50 at once; as managed entities they cost more than the scoring (persist, the JSON of their
 * reasons converted and deep-copied, dirty checking at every auto-flush), and nothing reads them as entities later
 * in the transaction. Rows go in by enterprise id, so two rankings running side by side take the locks of the
 * exposure counter (its trigger on insert) in the same order and cannot deadlock.
 */
final class MatchRows {

    private static final String COLUMNS = "INSERT INTO match (id, demand_id, enterprise_id, enterprise_name, rank, score, reasons, status,"
            + " version, origin, note, created_at, updated_at, answered_at, shortlisted_at) VALUES ";
    private static final int PER_ROW = 12;
    private static final int CHUNK = 2_000;
    private static final Match.ReasonsConverter REASONS = new Match.ReasonsConverter();

    private MatchRows() {
    }

    /** Matches nobody has answered yet (no note, answer or shortlisting): a ranking's or reverse matching's newcomers. */
    static Uni<Void> insert(List<Match> matches) {
        if (matches.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Match> all = matches.stream().sorted(Comparator.comparing((Match m) -> m.enterpriseId)).toList();
        // a statement takes at most 65,535 parameters; chunks in order keep the locks in enterprise order
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Match> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            chain = chain.chain(() -> insertOrdered(chunk));
        }
        return chain;
    }

    private static Uni<Void> insertOrdered(List<Match> ordered) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        for (int i = 0; i < ordered.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= PER_ROW; c++) {
                sql.append(c == 1 ? "" : ", ").append('?').append(i * PER_ROW + c);
                if (c == 10) {
                    sql.append(", NULL"); // note
                }
            }
            sql.append(", NULL, NULL)"); // answered_at, shortlisted_at
        }
        // the demand row (persisted in this session, maybe not yet written) must be there for the foreign key
        return Match.getSession().chain(session -> session.flush().chain(() -> {
            var insert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < ordered.size(); i++) {
                Match m = ordered.get(i);
                int p = i * PER_ROW;
                insert.setParameter(p + 1, m.id).setParameter(p + 2, m.demandId).setParameter(p + 3, m.enterpriseId)
                        .setParameter(p + 4, m.enterpriseName).setParameter(p + 5, m.rank).setParameter(p + 6, m.score)
                        .setParameter(p + 7, REASONS.convertToDatabaseColumn(m.reasons)).setParameter(p + 8, m.status.name())
                        .setParameter(p + 9, m.version).setParameter(p + 10, m.origin.name())
                        .setParameter(p + 11, time(m.createdAt)).setParameter(p + 12, time(m.updatedAt));
            }
            return insert.executeUpdate();
        })).replaceWithVoid();
    }

    private static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
