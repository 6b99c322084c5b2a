package org.rongtong.demand.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.rongtong.demand.model.Demand;
import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.demand.rest.PublishDemandRequest;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.web.problem.Problem.FieldError;
import org.rongtong.web.problem.ProblemException;

import io.smallrye.mutiny.Uni;

/** What a demand must satisfy beyond its annotations before it is stored or published. */
final class DemandRules {

    private DemandRules() {
    }

    static Uni<Void> requirePublishable(Demand demand) {
        if (!demand.deadline.isAfter(Instant.now())) {
            throw ProblemException.unprocessable("Deadline passed",
                    "The draft's deadline " + demand.deadline + " has passed; update it before publishing");
        }
        return requireActiveChainLeader(demand.publisherId);
    }

    static Uni<Void> requireActiveChainLeader(UUID id) {
        return KnownEnterprise.<KnownEnterprise>findById(id).invoke(publisher -> {
            Problems.requireActive(id, publisher, "publisher");
            if (publisher.kind != EnterpriseKind.CHAIN_LEADER) {
                throw ProblemException.unprocessable("Not a chain leader",
                        "Only chain leaders publish demands; enterprise " + id + " is " + publisher.kind);
            }
        }).replaceWithVoid();
    }

    /** What annotations cannot say: the budget range, the units of a quantity and of a preferred annual volume. */
    static List<FieldError> crossFieldErrors(PublishDemandRequest request, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (request.budgetMin() != null && request.budgetMax() != null && request.budgetMin().compareTo(request.budgetMax()) > 0) {
            errors.add(new FieldError(prefix + "budgetMax", "must not be below budgetMin"));
        }
        if (request.quantity() != null && (request.quantityUnit() == null || request.quantityUnit().isBlank())) {
            errors.add(new FieldError(prefix + "quantityUnit", "is required with a quantity"));
        }
        if (request.preferences() != null && request.preferences().annualVolume() != null && isBlank(request.preferences().annualVolumeUnit())) {
            errors.add(new FieldError(prefix + "preferences.annualVolumeUnit", "is required with an annualVolume"));
        }
        if (request.contact() != null && isBlank(request.contact().phone()) && isBlank(request.contact().email())) {
            errors.add(new FieldError(prefix + "contact", "needs a phone number or an email address"));
        }
        return errors;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
