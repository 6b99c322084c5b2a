package org.rongtong.local.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rongtong.local.generator.ProgrammeGenerator.Profile;
import org.rongtong.web.validation.CreditCode;

class ProgrammeGeneratorTest {

    private static String csv(long seed, int count) {
        StringWriter out = new StringWriter();
        ImportFiles.csv(new ProgrammeGenerator(seed).enterprises(count), out);
        return out.toString();
    }

    @Test
    void theSameSeedWritesTheSameFileAndAnotherSeedAnotherOne() {
        assertEquals(csv(7, 3_000), csv(7, 3_000));
        assertNotEquals(csv(7, 3_000), csv(8, 3_000));
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        ImportFiles.ndjson(new ProgrammeGenerator(7).enterprises(500), a);
        ImportFiles.ndjson(new ProgrammeGenerator(7).enterprises(500), b);
        assertEquals(a.toString(), b.toString());
    }

    @Test
    void aLargerSizeOnlyAddsProfiles() {
        String small = csv(42, 500);
        String large = csv(42, 5_000);
        assertTrue(large.startsWith(small), "the first 500 rows of 5,000 are the 500");
        assertEquals(5_001, large.lines().count(), "header and 5,000 rows");
    }

    @Test
    void everyCreditCodeOfAMillionEnterprisesIsValidAndTheFirst200000AreDistinct() {
        ProgrammeGenerator generator = new ProgrammeGenerator(42);
        Set<String> distinct = new HashSet<>();
        AtomicLong count = new AtomicLong();
        generator.enterprises(1_000_000).forEach(p -> {
            String problem = CreditCode.problem(p.creditCode());
            if (problem != null) {
                throw new AssertionError(p.creditCode() + ": " + problem);
            }
            if (!p.creditCode().substring(2, 8).equals(p.regionCode())) {
                throw new AssertionError("the code's region is the profile's: " + p);
            }
            if (count.getAndIncrement() < 200_000) {
                distinct.add(p.creditCode());
            }
        });
        assertEquals(1_000_000, count.get());
        assertEquals(200_000, distinct.size());
    }

    @Test
    void profilesSpanShandongsSixteenPrefecturesEveryKindAndTheFlagshipChains() {
        ProgrammeGenerator generator = new ProgrammeGenerator(42);
        List<Profile> profiles = generator.enterprises(2_000).toList();
        Set<String> counties = generator.regions().prefectures().stream().flatMap(p -> p.counties().stream()).collect(Collectors.toSet());
        assertEquals(16, generator.regions().prefectures().size());
        assertTrue(profiles.stream().allMatch(p -> counties.contains(p.regionCode())), "every region is a Shandong county");
        assertEquals(16, profiles.stream().map(p -> p.regionCode().substring(0, 4)).distinct().count());
        Map<String, Long> kinds = profiles.stream().collect(Collectors.groupingBy(Profile::kind, Collectors.counting()));
        assertEquals(Map.of("CHAIN_LEADER", 40L, "UNIVERSITY", 120L, "FINANCIAL_INSTITUTION", 60L, "SME", 1_780L), kinds);
        assertTrue(profiles.stream().allMatch(p -> ProgrammeGenerator.chains().containsAll(p.chains())));
        assertTrue(profiles.stream().filter(p -> p.kind().equals("SME")).allMatch(p -> p.tier() != null && !p.willingness().isEmpty()
                && p.name().endsWith("公司") && p.capabilities().size() >= 2));
        assertEquals("3702", generator.profile("CHAIN_LEADER", 0).regionCode().substring(0, 4), "the appliance chain leader is in Qingdao");
        assertEquals(List.of("HOME_APPLIANCES"), generator.profile("CHAIN_LEADER", 0).chains());
    }

    @Test
    void theApplianceLeadersSixtyThreeDemandsFallSevenInEachOfNineFields() {
        ProgrammeGenerator generator = new ProgrammeGenerator(42);
        Profile leader = generator.profile("CHAIN_LEADER", 0);
        List<String> fields = List.of("PRODUCT_SUPPORTING", "TECH_RND", "PROCUREMENT", "ACHIEVEMENT_TRANSFER", "DIGITAL_EMPOWERMENT",
                "GREEN_LOW_CARBON", "SUPPLY_CHAIN_FINANCE", "TALENT_SHARING", "QUALITY_STANDARDS");
        List<ProgrammeGenerator.DemandDraft> demands = generator.demands(leader, 0, 63, fields);
        assertEquals(63, demands.size());
        Map<String, Long> perField = demands.stream().collect(Collectors.groupingBy(ProgrammeGenerator.DemandDraft::field, Collectors.counting()));
        assertEquals(fields.stream().collect(Collectors.toMap(Function.identity(), f -> 7L)), perField);
        assertTrue(demands.stream().allMatch(d -> d.chain().equals("HOME_APPLIANCES") && !d.requiredCapabilities().isEmpty()
                && d.title().length() <= 200));
        assertEquals(demands, generator.demands(leader, 0, 63, fields), "deterministic too");
    }
}
