package org.rongtong.matching.service;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;

/**
 * Which kinds of enterprise may answer a demand of each cooperation field (a hard filter), which kind a field prefers,
 * and which business roles make a lookalike in it. The reasoning per field is in ADR 0011; in short, the kind that does
 * the thing the field names answers it (a bank finances, a university transfers its research, an SME supplies).
 */
public final class KindRules {

    private static final Map<CooperationField, Set<EnterpriseKind>> ALLOWED = new EnumMap<>(CooperationField.class);

    static {
        EnterpriseKind sme = EnterpriseKind.SME;
        EnterpriseKind university = EnterpriseKind.UNIVERSITY;
        EnterpriseKind service = EnterpriseKind.SERVICE_PROVIDER;
        EnterpriseKind leader = EnterpriseKind.CHAIN_LEADER;
        EnterpriseKind finance = EnterpriseKind.FINANCIAL_INSTITUTION;
        ALLOWED.put(CooperationField.TECH_RND, EnumSet.of(sme, university, service, leader));
        // goods from makers large and small, services (冷链配送, 报关) from service providers
        ALLOWED.put(CooperationField.PROCUREMENT, EnumSet.of(sme, leader, service));
        ALLOWED.put(CooperationField.PRODUCT_SUPPORTING, EnumSet.of(sme, leader));
        // research results come from universities and institutes first (PREFERRED below); technology SMEs transfer
        // their own patents and results, transfer centres broker them
        ALLOWED.put(CooperationField.ACHIEVEMENT_TRANSFER, EnumSet.of(university, sme, service));
        // a leader's industrial-internet platform empowering its chain (大企业数字化赋能) is part of the programme
        ALLOWED.put(CooperationField.DIGITAL_EMPOWERMENT, EnumSet.of(service, sme, university, leader));
        ALLOWED.put(CooperationField.INNOVATION_RESOURCE_SHARING, EnumSet.of(university, service, sme, leader));
        ALLOWED.put(CooperationField.GREEN_LOW_CARBON, EnumSet.of(service, sme, university, finance));
        ALLOWED.put(CooperationField.SUPPLY_CHAIN_FINANCE, EnumSet.of(finance));
        ALLOWED.put(CooperationField.TALENT_SHARING, EnumSet.of(university, service, sme, leader));
        ALLOWED.put(CooperationField.QUALITY_STANDARDS, EnumSet.of(service, university, sme));
        // the chain leader opens the space; SMEs and start-ups move in, and so do university teams piloting their results.
        // Incubator operators run spaces of their own: they compete with the offer rather than take it up
        ALLOWED.put(CooperationField.SPACE_CARRIER, EnumSet.of(sme, university));
        ALLOWED.put(CooperationField.CROSS_BORDER_TRADE, EnumSet.of(service, sme, finance, leader));
    }

    /**
     * Business roles that make a profile a lookalike of the capability a demand asks for (its distributor, repairer,
     * equipment maker, trainer, builder of its facilities), unless the demand names the role itself. Consulting, logistics, recruitment and
     * finance are roles that answer demands in their own right, so they never make a lookalike.
     */
    private static final Set<String> LOOKALIKE_ROLES = Set.of("DISTRIBUTION", "REPAIR", "EQUIPMENT", "TRAINING", "CONSTRUCTION");

    /** Where a role is itself a fit: buying through distributors, trading through them, training talent. */
    private static final Map<CooperationField, Set<String>> ROLES_THAT_FIT = new EnumMap<>(Map.of(
            CooperationField.PROCUREMENT, Set.of("DISTRIBUTION"),
            CooperationField.CROSS_BORDER_TRADE, Set.of("DISTRIBUTION"),
            CooperationField.TALENT_SHARING, Set.of("TRAINING")));

    /** Roles that make a lookalike in one field only: a domestic-only offer for a cross-border demand. */
    private static final Map<CooperationField, Set<String>> FIELD_LOOKALIKE_ROLES = new EnumMap<>(Map.of(
            CooperationField.CROSS_BORDER_TRADE, Set.of("DOMESTIC")));

    /** Kinds that answer a field first: within the structure share they count as a met preference (ADR 0011). */
    private static final Map<CooperationField, Set<EnterpriseKind>> PREFERRED = new EnumMap<>(Map.of(
            CooperationField.ACHIEVEMENT_TRANSFER, EnumSet.of(EnterpriseKind.UNIVERSITY)));

    private KindRules() {
    }

    /** The kinds a field prefers among those allowed, or none. */
    public static Set<EnterpriseKind> preferred(CooperationField field) {
        return PREFERRED.getOrDefault(field, Set.of());
    }

    /** Whether offering the asked capability in this business role makes a lookalike for a demand of the field. */
    public static boolean roleIsLookalike(CooperationField field, String role) {
        return LOOKALIKE_ROLES.contains(role) && !ROLES_THAT_FIT.getOrDefault(field, Set.of()).contains(role)
                || FIELD_LOOKALIKE_ROLES.getOrDefault(field, Set.of()).contains(role);
    }

    public static boolean allows(CooperationField field, EnterpriseKind kind) {
        return ALLOWED.get(field).contains(kind);
    }
}
