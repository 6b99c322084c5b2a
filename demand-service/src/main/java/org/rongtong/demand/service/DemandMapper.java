package org.rongtong.demand.service;

import java.util.LinkedHashSet;
import java.util.List;

import org.rongtong.demand.model.Demand;
import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.demand.rest.DemandView;
import org.rongtong.demand.rest.PublishDemandRequest;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.web.validation.Tags;

/** The one place where requests, entities, API views and event contracts of demand-service meet. */
public final class DemandMapper {

    private DemandMapper() {
    }

    static void apply(PublishDemandRequest request, Demand target) {
        target.field = request.field();
        target.chain = request.chain();
        target.title = request.title().strip();
        target.description = request.description().strip();
        target.requiredCapabilities = Tags.normalise(request.requiredCapabilities());
        target.regionCodes = request.regionCodes() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.regionCodes()));
        target.budgetMin = request.budgetMin();
        target.budgetMax = request.budgetMax();
        target.deadline = request.deadline();
    }

    public static DemandView toView(Demand d) {
        return new DemandView(d.id, d.version, d.publisherId, d.field, d.chain, d.title, d.description,
                d.requiredCapabilities, d.regionCodes, d.budgetMin, d.budgetMax, d.deadline, d.status, d.publishedAt, d.updatedAt);
    }

    static DemandSnapshot toSnapshot(Demand d) {
        return new DemandSnapshot(d.id, d.version, d.publisherId, d.field, d.chain, d.title, d.description,
                List.copyOf(d.requiredCapabilities), List.copyOf(d.regionCodes), d.budgetMin, d.budgetMax, d.deadline,
                d.status, d.publishedAt, d.updatedAt);
    }

    static void apply(EnterpriseSnapshot snapshot, KnownEnterprise target) {
        target.id = snapshot.id();
        target.version = snapshot.version();
        target.name = snapshot.name();
        target.kind = snapshot.kind();
        target.regionCode = snapshot.regionCode();
        target.active = snapshot.active();
    }
}
