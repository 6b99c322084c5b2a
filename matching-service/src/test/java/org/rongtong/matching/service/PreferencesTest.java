package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.DemandPreferences;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.Willingness;
import org.rongtong.matching.model.Candidate;

/** Preferences read from a demand's Chinese text, merged with the stated ones, and how a candidate meets them. */
@Tag("unit")
class PreferencesTest {

    @Test
    void tierAndProvincePreferencesAreReadFromTheText() {
        Preferences p = Preferences.parse("寻找洗衣机内桶注塑件供应商，专精特新企业优先，省内企业优先考虑。");
        assertEquals(Set.of("SPECIALIZED_SME", "LITTLE_GIANT"), p.tiers());
        assertTrue(p.inProvince());
        assertEquals(Set.of("LITTLE_GIANT"), Preferences.parse("国家级专精特新“小巨人”企业优先").tiers());
    }

    @Test
    void aMentionWithoutPreferenceIsNotAPreference() {
        Preferences p = Preferences.parse("本项目由专精特新企业服务中心组织，面向全国征集。");
        assertTrue(p.tiers().isEmpty());
        assertFalse(p.inProvince());
        assertTrue(p.isEmpty());
    }

    @Test
    void minimumsAndVolumeAreReadWithTheirUnits() {
        Preferences p = Preferences.parse("供应商年营业收入不低于5000万元，员工100人以上，年需求量约50万件，需具备相应产能。");
        assertEquals(0, new BigDecimal("50000000").compareTo(p.minRevenue()));
        assertEquals(100, p.minEmployees());
        assertEquals(0, new BigDecimal("500000").compareTo(p.annualVolume()));
        assertEquals("件", p.annualVolumeUnit());
        assertEquals(0, new BigDecimal("200000000").compareTo(Preferences.parse("年销售收入2亿元以上").minRevenue()));
        assertNull(Preferences.parse("上年度营业收入约3000万元").minRevenue(), "a figure that is not a minimum");
    }

    @Test
    void statedPreferencesWinAndTheTextFillsTheRest() {
        DemandPreferences stated = new DemandPreferences(List.of("LITTLE_GIANT"), null, null, new BigDecimal("10000000"), null, null);
        Preferences merged = Preferences.merge(stated, Preferences.parse("专精特新企业优先，省内企业优先，年营业收入不低于5000万元"));
        assertEquals(Set.of("LITTLE_GIANT"), merged.tiers());
        assertTrue(merged.inProvince());
        assertEquals(0, new BigDecimal("10000000").compareTo(merged.minRevenue()));
    }

    @Test
    void aCandidateBelowAStatedMinimumIsNamedAndOneThatMeetsEverythingHasTheFullShare() {
        Preferences p = Preferences.parse("专精特新企业优先，省内企业优先，年营业收入不低于5000万元");
        Candidate fits = candidate("LITTLE_GIANT", "370211", 300, "80000000");
        Preferences.Fit fit = p.fit(fits, "370212");
        assertEquals(1.0, fit.share(), 1e-9);
        assertNull(fit.belowMinimum());

        Candidate small = candidate(null, "440300", 30, "9000000");
        Preferences.Fit miss = p.fit(small, "370212");
        assertEquals(0.0, miss.share(), 1e-9);
        assertTrue(miss.belowMinimum().contains("minimum revenue"), miss.belowMinimum());
        assertTrue(miss.detail().contains("province"), miss.detail());
    }

    private static Candidate candidate(String tier, String region, int employees, String revenue) {
        Candidate c = new Candidate();
        c.kind = EnterpriseKind.SME;
        c.tier = tier;
        c.regionCode = region;
        c.employees = employees;
        c.revenue = new BigDecimal(revenue);
        c.willingness = new java.util.EnumMap<>(org.rongtong.events.CooperationField.class);
        c.willingness.put(org.rongtong.events.CooperationField.PROCUREMENT, Willingness.STRONG);
        return c;
    }
}
