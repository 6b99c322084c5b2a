package org.rongtong.matching.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;

/** The hard kind filter per cooperation field and the lookalike roles (ADR 0011), without the engine around them. */
@Tag("unit")
class KindRulesTest {

    @ParameterizedTest
    @EnumSource(CooperationField.class)
    void everyFieldHasSomeKindThatMayAnswerIt(CooperationField field) {
        assertTrue(Arrays.stream(EnterpriseKind.values()).anyMatch(kind -> KindRules.allows(field, kind)), field.name());
    }

    @Test
    void onlyABankFinancesASupplyChain() {
        Set<EnterpriseKind> allowed = EnumSet.noneOf(EnterpriseKind.class);
        for (EnterpriseKind kind : EnterpriseKind.values()) {
            if (KindRules.allows(CooperationField.SUPPLY_CHAIN_FINANCE, kind)) {
                allowed.add(kind);
            }
        }
        assertEquals(EnumSet.of(EnterpriseKind.FINANCIAL_INSTITUTION), allowed);
    }

    @Test
    void aBankAnswersNoDemandForGoodsOrResearch() {
        assertFalse(KindRules.allows(CooperationField.PROCUREMENT, EnterpriseKind.FINANCIAL_INSTITUTION));
        assertFalse(KindRules.allows(CooperationField.PRODUCT_SUPPORTING, EnterpriseKind.FINANCIAL_INSTITUTION));
        assertFalse(KindRules.allows(CooperationField.TECH_RND, EnterpriseKind.FINANCIAL_INSTITUTION));
    }

    @Test
    void aSpaceOnOfferIsTakenBySmesAndUniversityTeamsNotByOtherIncubators() {
        assertTrue(KindRules.allows(CooperationField.SPACE_CARRIER, EnterpriseKind.SME));
        assertTrue(KindRules.allows(CooperationField.SPACE_CARRIER, EnterpriseKind.UNIVERSITY));
        assertFalse(KindRules.allows(CooperationField.SPACE_CARRIER, EnterpriseKind.SERVICE_PROVIDER));
        assertFalse(KindRules.allows(CooperationField.SPACE_CARRIER, EnterpriseKind.CHAIN_LEADER));
    }

    @Test
    void universitiesArePreferredForAchievementTransferAndNoFieldElsePrefersAKind() {
        assertEquals(Set.of(EnterpriseKind.UNIVERSITY), KindRules.preferred(CooperationField.ACHIEVEMENT_TRANSFER));
        for (CooperationField field : CooperationField.values()) {
            if (field != CooperationField.ACHIEVEMENT_TRANSFER) {
                assertTrue(KindRules.preferred(field).isEmpty(), field.name());
            }
            // a preferred kind is always one that may answer at all
            KindRules.preferred(field).forEach(kind -> assertTrue(KindRules.allows(field, kind), field + " prefers " + kind));
        }
    }

    @Test
    void aDistributorIsALookalikeExceptWhereBuyingOrTradingThroughItIsTheFit() {
        assertTrue(KindRules.roleIsLookalike(CooperationField.PRODUCT_SUPPORTING, "DISTRIBUTION"));
        assertFalse(KindRules.roleIsLookalike(CooperationField.PROCUREMENT, "DISTRIBUTION"));
        assertFalse(KindRules.roleIsLookalike(CooperationField.CROSS_BORDER_TRADE, "DISTRIBUTION"));
    }

    @Test
    void aTrainerIsALookalikeExceptForTalentSharing() {
        assertTrue(KindRules.roleIsLookalike(CooperationField.TECH_RND, "TRAINING"));
        assertFalse(KindRules.roleIsLookalike(CooperationField.TALENT_SHARING, "TRAINING"));
    }

    @Test
    void aDomesticOnlyOfferIsALookalikeOnlyForCrossBorderTrade() {
        assertTrue(KindRules.roleIsLookalike(CooperationField.CROSS_BORDER_TRADE, "DOMESTIC"));
        assertFalse(KindRules.roleIsLookalike(CooperationField.PROCUREMENT, "DOMESTIC"));
    }

    @ParameterizedTest
    @EnumSource(CooperationField.class)
    void rolesThatAnswerDemandsInTheirOwnRightNeverMakeALookalike(CooperationField field) {
        for (String role : Set.of("CONSULTING", "LOGISTICS", "RECRUITMENT", "FINANCE")) {
            assertFalse(KindRules.roleIsLookalike(field, role), field + " " + role);
        }
    }
}
