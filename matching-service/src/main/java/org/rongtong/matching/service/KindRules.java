package org.rongtong.matching.service;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;

/**
 * Which kinds of enterprise make sense as candidates for a field: financial institutions answer supply-chain finance,
 * universities and institutes answer research-achievement transfer, enterprises answer orders. A hard filter.
 */
public final class KindRules {

    private static final Map<CooperationField, Set<EnterpriseKind>> ALLOWED = new EnumMap<>(CooperationField.class);

    static {
        Set<EnterpriseKind> all = EnumSet.allOf(EnterpriseKind.class);
        for (CooperationField f : CooperationField.values()) {
            ALLOWED.put(f, all);
        }
        ALLOWED.put(CooperationField.SUPPLY_CHAIN_FINANCE, EnumSet.of(EnterpriseKind.FINANCIAL_INSTITUTION));
        ALLOWED.put(CooperationField.ACHIEVEMENT_TRANSFER, EnumSet.of(EnterpriseKind.UNIVERSITY));
        ALLOWED.put(CooperationField.TECH_RND, EnumSet.of(EnterpriseKind.SME, EnterpriseKind.UNIVERSITY,
                EnterpriseKind.SERVICE_PROVIDER, EnterpriseKind.CHAIN_LEADER));
        ALLOWED.put(CooperationField.PROCUREMENT, EnumSet.of(EnterpriseKind.SME, EnterpriseKind.CHAIN_LEADER));
        ALLOWED.put(CooperationField.PRODUCT_SUPPORTING, EnumSet.of(EnterpriseKind.SME, EnterpriseKind.CHAIN_LEADER));
        ALLOWED.put(CooperationField.DIGITAL_EMPOWERMENT, EnumSet.of(EnterpriseKind.SERVICE_PROVIDER, EnterpriseKind.SME,
                EnterpriseKind.UNIVERSITY));
        ALLOWED.put(CooperationField.QUALITY_STANDARDS, EnumSet.of(EnterpriseKind.SERVICE_PROVIDER, EnterpriseKind.UNIVERSITY,
                EnterpriseKind.SME));
        ALLOWED.put(CooperationField.SPACE_CARRIER, EnumSet.of(EnterpriseKind.SERVICE_PROVIDER, EnterpriseKind.CHAIN_LEADER));
    }

    private KindRules() {
    }

    public static Set<EnterpriseKind> allowed(CooperationField field) {
        return ALLOWED.get(field);
    }

    public static boolean allows(CooperationField field, EnterpriseKind kind) {
        return ALLOWED.get(field).contains(kind);
    }
}
