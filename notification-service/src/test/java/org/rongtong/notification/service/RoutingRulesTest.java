package org.rongtong.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.CooperationField;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.outbox.TraceContext;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Roles;
import org.rongtong.web.security.Viewer;

@Tag("unit")
class RoutingRulesTest {

    private static final UUID PUBLISHER = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID CANDIDATE = UUID.fromString("00000000-0000-7000-8000-000000000002");
    private static final String MATCHED = "rongtong.matching.demand.matched.v1";
    private static final CooperationField FIELD = CooperationField.values()[0];

    /** A demand landing in 310115, published from 320500, naming one candidate registered in 440300. */
    private static EventFacts event() {
        return new EventFacts("e1", MATCHED, null, "d1", Instant.parse("2026-11-30T09:00:00Z"), "{}", "310115", "ev-battery",
                FIELD.name(), PUBLISHER, "320500", List.of(new EventFacts.Party(CANDIDATE, "440300")), true, TraceContext.NONE);
    }

    private static SubscriptionFilter region(String prefix) {
        return new SubscriptionFilter(List.of(), prefix, List.of(), List.of());
    }

    @Test
    void aBureauTokenWithoutARegionOrAnEnterpriseTokenWithoutAnEnterpriseOwnsNothing() {
        ProblemException bureau = assertThrows(ProblemException.class, () -> RoutingRules.owner(Viewer.bureau("b", null)));
        assertEquals(403, bureau.problem().status());
        ProblemException enterprise = assertThrows(ProblemException.class,
                () -> RoutingRules.owner(new Viewer(Roles.ENTERPRISE, "e", null, Set.of(), null)));
        assertEquals(403, enterprise.problem().status());
        Viewer operator = Viewer.operator("ops");
        assertEquals(operator, RoutingRules.owner(operator));
    }

    @Test
    void anOperatorManagesEverySubscriptionAndAnyoneElseOnlyItsOwn() {
        Viewer bureau = Viewer.bureau("b", "31");
        assertTrue(RoutingRules.mayManage(Viewer.operator("ops"), "bureau:someone-else"));
        assertTrue(RoutingRules.mayManage(bureau, bureau.owner()));
        assertFalse(RoutingRules.mayManage(bureau, "bureau:someone-else"));
    }

    @Test
    void aBureauFilterDefaultsToItsRegionAndMayNotReachOutsideIt() {
        Viewer bureau = Viewer.bureau("b", "31");
        assertEquals("31", RoutingRules.scopedFilter(bureau, null).regionPrefix());
        assertEquals("3101", RoutingRules.scopedFilter(bureau, region("3101")).regionPrefix());
        ProblemException outside = assertThrows(ProblemException.class, () -> RoutingRules.scopedFilter(bureau, region("44")));
        assertEquals(400, outside.problem().status());
        assertEquals("44", RoutingRules.scopedFilter(Viewer.operator("ops"), region("44")).regionPrefix());
    }

    @Test
    void aRegionPrefixMatchesWhereTheDemandLandsWhereItsPublisherIsOrWhereAVisibleCandidateIs() {
        assertTrue(RoutingRules.matches(region("31"), event(), null));
        assertTrue(RoutingRules.matches(region("32"), event(), null));
        assertTrue(RoutingRules.matches(region("44"), event(), null));
        assertTrue(RoutingRules.matches(region("44"), event(), Set.of(CANDIDATE)));
        assertFalse(RoutingRules.matches(region("44"), event(), Set.of(PUBLISHER)), "the candidate there is not visible");
        assertFalse(RoutingRules.matches(region("11"), event(), null));
    }

    @Test
    void typeChainAndFieldFiltersEachNarrowAndEmptyMeansAny() {
        assertTrue(RoutingRules.matches(SubscriptionFilter.ANY, event(), null));
        assertTrue(RoutingRules.matches(new SubscriptionFilter(List.of(MATCHED), null, List.of("ev-battery"), List.of(FIELD)), event(), null));
        assertFalse(RoutingRules.matches(new SubscriptionFilter(List.of("other.v1"), null, List.of(), List.of()), event(), null));
        assertFalse(RoutingRules.matches(new SubscriptionFilter(List.of(), null, List.of("textiles"), List.of()), event(), null));
        CooperationField other = CooperationField.values()[1];
        assertFalse(RoutingRules.matches(new SubscriptionFilter(List.of(), null, List.of(), List.of(other)), event(), null));
    }

    @Test
    void aReceiverWhoSeesNobodyTheEventNamesIsNotRoutedIt() {
        assertFalse(RoutingRules.routes(SubscriptionFilter.ANY, event(), Set.of()));
        assertTrue(RoutingRules.routes(SubscriptionFilter.ANY, event(), Set.of(CANDIDATE)));
        assertTrue(RoutingRules.routes(SubscriptionFilter.ANY, event(), null));
    }
}
