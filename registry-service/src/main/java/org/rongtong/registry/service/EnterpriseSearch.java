package org.rongtong.registry.service;

import org.rongtong.events.CooperationField;
import org.rongtong.events.EnterpriseKind;

/** Filters of the enterprise directory; null means no filter. {@code after} is the cursor (exclusive). */
public record EnterpriseSearch(
        EnterpriseKind kind,
        String tier,
        String chain,
        CooperationField willingFor,
        String regionPrefix,
        String text,
        Boolean active,
        java.util.UUID after,
        int size) {
}
