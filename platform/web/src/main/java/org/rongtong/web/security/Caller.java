package org.rongtong.web.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.rongtong.web.problem.ProblemException;

/**
 * Who is calling, as the bearer token says: an enterprise names its enterprise id, a bureau its region prefix.
 * Use cases ask it what the caller may do instead of reading claims themselves.
 */
@RequestScoped
public class Caller {

    public static final String ENTERPRISE_CLAIM = "enterprise_id";
    public static final String REGION_CLAIM = "region";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public boolean isOperator() {
        return is(Roles.OPERATOR);
    }

    /** Operators and partners act for any enterprise. */
    public boolean actsForAnyEnterprise() {
        return is(Roles.OPERATOR) || is(Roles.PARTNER);
    }

    public Optional<UUID> enterpriseId() {
        String claim = token.getClaim(ENTERPRISE_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<String> regionPrefix() {
        return Optional.ofNullable(token.<String>getClaim(REGION_CLAIM)).filter(r -> r.matches("\\d{2,6}"));
    }

    /** May the caller act for this enterprise: itself, or an operator or partner. */
    public boolean actsFor(UUID enterprise) {
        return actsForAnyEnterprise() || enterpriseId().filter(enterprise::equals).isPresent();
    }

    public void requireActsFor(UUID enterprise) {
        if (!actsFor(enterprise)) {
            throw ProblemException.forbidden("The token does not act for enterprise " + enterprise);
        }
    }
}
