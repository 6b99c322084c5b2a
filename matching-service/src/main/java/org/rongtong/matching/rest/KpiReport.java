package org.rongtong.matching.rest;

import java.time.Instant;
import java.util.List;

/**
 * The programme KPIs of a province or prefecture: each indicator with its value, the counts it came from, its target
 * and how it was computed, so a bureau can check it.
 */
public record KpiReport(String region, String level, int year, Instant computedAt, boolean sampleChains, List<Indicator> indicators) {

    public record Indicator(String code, String name, String nameEn, double value, Long numerator, Long denominator,
            double target, boolean met, String computation) {
    }
}
