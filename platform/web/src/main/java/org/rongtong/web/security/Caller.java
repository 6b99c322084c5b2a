package org.rongtong.web.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.validation.RegionCode;

/**
 * Who is calling, as the bearer token says: an enterprise names its enterprise id, a bureau its region prefix, a
 * partner the enterprises it was granted ({@value #GRANT_CLAIM}). Use cases ask it (or its {@link Viewer}) what the
 * caller may do instead of reading claims themselves.
 */
@RequestScoped
public class Caller {

    public static final String ENTERPRISE_CLAIM = "enterprise_id";
    public static final String REGION_CLAIM = "region";
    /** A partner token's grant: the ids of the enterprises the partner system acts for. */
    public static final String GRANT_CLAIM = "acts_for";

    private final JsonWebToken token;
    // a list answer asks once per item: the claims are read once
    private Viewer viewer;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public boolean is(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public boolean isOperator() {
        return is(Roles.OPERATOR);
    }

    public boolean isPartner() {
        return is(Roles.PARTNER) && !isOperator();
    }

    public boolean isBureau() {
        return is(Roles.BUREAU) && !isOperator();
    }

    /**
     * Acts for enterprises named in the request rather than for the one its token names (operator, partner): such
     * a caller must say which enterprise it acts for, and {@link #actsFor} decides whether it may.
     */
    public boolean namesEnterpriseInRequest() {
        return isOperator() || isPartner();
    }

    /** The enterprises a partner token was granted; empty for every other role. */
    public Set<UUID> grantedEnterprises() {
        if (!isPartner()) {
            return Set.of();
        }
        Object claim = token.getClaim(GRANT_CLAIM);
        Set<UUID> granted = new LinkedHashSet<>();
        // a JSON array of strings arrives as a List of JsonString, whose toString keeps the quotes
        if (claim instanceof Collection<?> values) {
            values.forEach(v -> parse(String.valueOf(v).replace("\"", "")).ifPresent(granted::add));
        }
        return granted;
    }

    /** This caller as a {@link Viewer}: the one place that says what it may see and change. Read once per request. */
    public Viewer viewer() {
        if (viewer == null) {
            viewer = readViewer();
        }
        return viewer;
    }

    private Viewer readViewer() {
        String subject = token.getName() == null ? "" : token.getName();
        if (isOperator()) {
            return Viewer.operator(subject);
        }
        if (isPartner()) {
            return Viewer.partner(subject, grantedEnterprises());
        }
        if (isBureau()) {
            return Viewer.bureau(subject, regionPrefix().orElse(null));
        }
        return enterpriseId().map(Viewer::enterprise)
                .orElseGet(() -> new Viewer(Roles.ENTERPRISE, subject, null, Set.of(), null));
    }

    /** The owner key of what this caller creates (subscriptions, imports, idempotency records). */
    public String owner() {
        return viewer().owner();
    }

    public Optional<UUID> enterpriseId() {
        if (!is(Roles.ENTERPRISE)) {
            return Optional.empty();
        }
        return parse(token.getClaim(ENTERPRISE_CLAIM));
    }

    private static Optional<UUID> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<String> regionPrefix() {
        if (!is(Roles.BUREAU)) {
            return Optional.empty();
        }
        return Optional.ofNullable(token.<String>getClaim(REGION_CLAIM)).filter(RegionCode::isPrefix);
    }

    /** May the caller act for this enterprise: itself, a partner granted it, or an operator. */
    public boolean actsFor(UUID enterprise) {
        return viewer().actsFor(enterprise);
    }

    public void requireActsFor(UUID enterprise) {
        if (!actsFor(enterprise)) {
            throw ProblemException.forbidden("The token does not act for enterprise " + enterprise);
        }
    }
}
