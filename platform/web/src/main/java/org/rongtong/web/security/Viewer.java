package org.rongtong.web.security;

import java.util.Set;
import java.util.UUID;

/**
 * Who looks at the programme's data and what they may see: the one rule every service applies to REST answers,
 * stream events, webhook payloads and KPIs (docs/role-matrix.md).
 * <ul>
 * <li>an operator sees everything;</li>
 * <li>an enterprise acts for itself, a partner for the enterprises its token grants; they see what those
 * enterprises see;</li>
 * <li>a bureau sees what concerns its region: enterprises registered there, demands published from there with their
 * whole candidate lists, and of a demand published elsewhere only the candidates registered there.</li>
 * </ul>
 * It is a plain value so that a webhook subscription can store its owner's view and apply it without a token.
 *
 * @param role one of {@link Roles}
 * @param subject the token's subject, which names the owner of subscriptions, imports and idempotency keys
 * @param enterpriseId the enterprise an enterprise token acts for, else null
 * @param grantedEnterprises the enterprises a partner token acts for (empty for the other roles)
 * @param regionPrefix a bureau's division-code prefix, else null
 */
public record Viewer(String role, String subject, UUID enterpriseId, Set<UUID> grantedEnterprises, String regionPrefix) {

    public Viewer {
        grantedEnterprises = grantedEnterprises == null ? Set.of() : Set.copyOf(grantedEnterprises);
    }

    public static Viewer operator(String subject) {
        return new Viewer(Roles.OPERATOR, subject, null, Set.of(), null);
    }

    public static Viewer enterprise(UUID enterpriseId) {
        return new Viewer(Roles.ENTERPRISE, "enterprise-" + enterpriseId, enterpriseId, Set.of(), null);
    }

    public static Viewer bureau(String subject, String regionPrefix) {
        return new Viewer(Roles.BUREAU, subject, null, Set.of(), regionPrefix);
    }

    public static Viewer partner(String subject, Set<UUID> granted) {
        return new Viewer(Roles.PARTNER, subject, null, granted, null);
    }

    public boolean isOperator() {
        return Roles.OPERATOR.equals(role);
    }

    public boolean isBureau() {
        return Roles.BUREAU.equals(role);
    }

    public boolean isPartner() {
        return Roles.PARTNER.equals(role);
    }

    public boolean isEnterprise() {
        return Roles.ENTERPRISE.equals(role);
    }

    /** The owner key of what this viewer creates (subscriptions, imports, idempotency records). */
    public String owner() {
        return role + ":" + subject;
    }

    /** May act for (change, answer, publish as) this enterprise. */
    public boolean actsFor(UUID enterprise) {
        if (enterprise == null) {
            return false;
        }
        return switch (role) {
            case Roles.OPERATOR -> true;
            case Roles.ENTERPRISE -> enterprise.equals(enterpriseId);
            case Roles.PARTNER -> grantedEnterprises.contains(enterprise);
            default -> false;
        };
    }

    /** The region is this viewer's: everything for an operator, within the prefix for a bureau, nothing otherwise. */
    public boolean coversRegion(String regionCode) {
        if (isOperator()) {
            return true;
        }
        return isBureau() && regionPrefix != null && regionCode != null && regionCode.startsWith(regionPrefix);
    }

    /** May read an enterprise's full record (contacts, notes): it acts for it, or it is registered in its region. */
    public boolean seesEnterprise(UUID enterprise, String regionCode) {
        return actsFor(enterprise) || coversRegion(regionCode);
    }

    /** May read a demand's whole candidate list: it acts for the publisher or the publisher is in its region. */
    public boolean seesWholeDemand(UUID publisherId, String publisherRegion) {
        return actsFor(publisherId) || coversRegion(publisherRegion);
    }

    /** May read one candidate's entry of a demand it does not see whole. */
    public boolean seesCandidate(UUID candidateId, String candidateRegion) {
        return seesEnterprise(candidateId, candidateRegion);
    }
}
