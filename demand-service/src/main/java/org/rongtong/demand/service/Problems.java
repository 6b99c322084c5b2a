package org.rongtong.demand.service;

import java.util.List;
import java.util.UUID;

import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.web.problem.Problem;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;

/** The refusals demand-service's use cases share. */
final class Problems {

    private Problems() {
    }

    /** 409: the aggregate's state does not allow the action (a lifecycle transition that does not exist). */
    static ProblemException illegalTransition(String what, Object state, String action) {
        return new ProblemException(Problem.of(409, "illegal-transition", "Illegal transition",
                "A " + state + " " + what + " cannot be " + action, null));
    }

    /** 422 with one entry per offending item of the request. */
    static ProblemException unprocessable(String title, List<Problem.FieldError> errors) {
        return new ProblemException(Problem.of(422, "unprocessable", title, errors.size() + " item(s) are not acceptable", errors));
    }

    /**
     * The enterprise a request acts for: an enterprise token acts for itself (and may name only itself), a partner or
     * operator must name it in {@code field}, and a partner only one it was granted.
     */
    static UUID actingEnterprise(UUID named, Caller caller, String field) {
        if (caller.namesEnterpriseInRequest()) {
            if (named == null) {
                throw ProblemException.invalid(field, "is required when a partner or operator acts for an enterprise");
            }
            caller.requireActsFor(named);
            return named;
        }
        UUID own = caller.enterpriseId().orElseThrow(() -> ProblemException.forbidden("The token names no enterprise"));
        if (named != null && !named.equals(own)) {
            throw ProblemException.forbidden("An enterprise acts only for itself");
        }
        return own;
    }

    /** 422 unless demand-service's projection knows the enterprise as active. */
    static KnownEnterprise requireActive(UUID id, KnownEnterprise known, String role) {
        if (known == null) {
            throw ProblemException.unprocessable("Unknown " + role, "Enterprise " + id + " is not registered");
        }
        if (!known.active) {
            throw ProblemException.unprocessable("Inactive " + role, "Enterprise " + id + " is deactivated");
        }
        return known;
    }
}
