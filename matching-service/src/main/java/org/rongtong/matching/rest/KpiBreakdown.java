package org.rongtong.matching.rest;

import java.util.List;

/**
 * The programme of a province or prefecture broken down per industrial chain and per prefecture, for the bureau
 * dashboard's tables and the KPI export. Matches count when the candidate or the publisher is in the region (what the
 * bureau may see of them, ADR 0018); sessions are those HELD in the year asked for.
 */
public record KpiBreakdown(String region, int year, List<ChainRow> chains, List<PrefectureRow> prefectures) {

    public record ChainRow(String chain, String name, String nameEn, boolean flagship, long demands, long matches,
            long answered, long cooperating, long sessionsHeld) {
    }

    /** {@code prefecture} is the four-digit division code; names come from registry-service's reference data. */
    public record PrefectureRow(String prefecture, long enterprises, long specialisedSmes, long engagedSmes,
            long cooperatingSmes, long demands, long sessionsHeld) {
    }
}
