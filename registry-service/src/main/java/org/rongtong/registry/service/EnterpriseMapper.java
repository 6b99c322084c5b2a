package org.rongtong.registry.service;

import java.util.LinkedHashSet;
import java.util.List;

import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.rest.EnterpriseView;
import org.rongtong.registry.rest.RegisterEnterpriseRequest;
import org.rongtong.persistence.WillingnessMapConverter;
import org.rongtong.web.validation.Tags;

/** The one place where requests, entities, API views and event snapshots are mapped onto each other. */
public final class EnterpriseMapper {

    private EnterpriseMapper() {
    }

    static void apply(RegisterEnterpriseRequest request, Enterprise target) {
        target.name = request.name().strip();
        target.creditCode = request.creditCode();
        target.kind = request.kind();
        target.tier = request.tier();
        target.regionCode = request.regionCode();
        target.chains = distinct(request.chains());
        target.capabilities = Tags.normalise(request.capabilities());
        target.description = request.description();
        target.willingness = WillingnessMapConverter.copyOf(request.willingness());
    }

    public static EnterpriseView toView(Enterprise e) {
        return new EnterpriseView(e.id, e.version, e.name, e.creditCode, e.kind, e.tier, e.regionCode, e.chains,
                e.capabilities, e.description, e.willingness, e.active, e.registeredAt, e.updatedAt);
    }

    static EnterpriseSnapshot toSnapshot(Enterprise e) {
        return new EnterpriseSnapshot(e.id, e.version, e.name, e.creditCode, e.kind, e.tier, e.regionCode,
                List.copyOf(e.chains), List.copyOf(e.capabilities), e.description, WillingnessMapConverter.copyOf(e.willingness), e.active,
                e.registeredAt, e.updatedAt);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }
}
