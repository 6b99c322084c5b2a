package org.rongtong.notification.service;

import java.util.Set;
import java.util.UUID;

import org.rongtong.events.CooperationField;
import org.rongtong.notification.rest.SubscriptionFilter;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.security.Caller;
import org.rongtong.web.security.Viewer;

/**
 * Who may own and manage a subscription or a stream, and which events reach it: the rules the subscription API, the
 * live stream and the fan-out share. What each receiver may see of an event is {@link Audience}'s part.
 */
final class RoutingRules {

    private RoutingRules() {
    }

    /**
     * The caller as the owner of what it creates, with the scope it gets (Viewer): an enterprise token must name its
     * enterprise and a bureau's its region, or there would be nothing to scope by.
     */
    static Viewer ownerOf(Caller caller) {
        return owner(caller.viewer());
    }

    static Viewer owner(Viewer viewer) {
        if (viewer.isBureau() && viewer.regionPrefix() == null) {
            throw ProblemException.forbidden("The bureau token names no region");
        }
        if (viewer.isEnterprise() && viewer.enterpriseId() == null) {
            throw ProblemException.forbidden("The token names no enterprise");
        }
        return viewer;
    }

    /** An operator manages every subscription; anyone else only its own. */
    static boolean mayManage(Viewer viewer, String owner) {
        return viewer.isOperator() || viewer.owner().equals(owner);
    }

    /** The filter as the owner may have it: a bureau's region prefix lies within its region (its region when absent). */
    static SubscriptionFilter scopedFilter(Viewer owner, SubscriptionFilter requested) {
        SubscriptionFilter f = requested == null ? SubscriptionFilter.ANY : requested;
        String prefix = f.regionPrefix();
        if (owner.isBureau()) {
            if (prefix == null) {
                prefix = owner.regionPrefix();
            } else if (!prefix.startsWith(owner.regionPrefix())) {
                throw ProblemException.invalid("filter.regionPrefix", "must lie within the bureau's region " + owner.regionPrefix());
            }
        }
        return new SubscriptionFilter(f.eventTypesOrEmpty(), prefix, f.chainsOrEmpty(), f.fieldsOrEmpty());
    }

    /**
     * The event reaches a receiver that sees {@code visible} of its parties (null: all; see {@link Audience}) and set
     * this filter: it sees someone, and the filter's conditions hold.
     */
    static boolean routes(SubscriptionFilter f, EventFacts e, Set<UUID> visible) {
        return Audience.sees(visible) && matches(f, e, visible);
    }

    /**
     * The filter's conditions. Its region prefix asks for events that touch the region: the demand lands there, its
     * publisher is registered there, or a candidate the receiver sees ({@code visible}, null: all) is registered there.
     */
    static boolean matches(SubscriptionFilter f, EventFacts e, Set<UUID> visible) {
        return (f.eventTypesOrEmpty().isEmpty() || f.eventTypesOrEmpty().contains(e.type()))
                && (f.regionPrefix() == null || touches(f.regionPrefix(), e, visible))
                && (f.chainsOrEmpty().isEmpty() || f.chainsOrEmpty().contains(e.chain()))
                && (f.fieldsOrEmpty().isEmpty() || e.field() != null && f.fieldsOrEmpty().stream().map(CooperationField::name).anyMatch(e.field()::equals));
    }

    private static boolean touches(String prefix, EventFacts e, Set<UUID> visible) {
        if (within(e.regionCode(), prefix) || within(e.publisherRegion(), prefix)) {
            return true;
        }
        return e.parties().stream().anyMatch(p -> (visible == null || visible.contains(p.id())) && within(p.region(), prefix));
    }

    private static boolean within(String region, String prefix) {
        return region != null && region.startsWith(prefix);
    }
}
