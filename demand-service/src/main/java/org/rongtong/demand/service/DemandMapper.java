package org.rongtong.demand.service;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.rongtong.demand.model.Attachment;
import org.rongtong.demand.model.Demand;
import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.demand.model.MatchmakingSession;
import org.rongtong.demand.model.Proposal;
import org.rongtong.demand.rest.DemandView;
import org.rongtong.demand.rest.ProposalView;
import org.rongtong.demand.rest.PublishDemandRequest;
import org.rongtong.demand.rest.PublishDemandRequest.ContactPerson;
import org.rongtong.demand.rest.ScheduleSessionRequest;
import org.rongtong.demand.rest.SessionView;
import org.rongtong.demand.rest.SubmitProposalRequest;
import org.rongtong.demand.rest.SubmitProposalRequest.AttachmentLink;
import org.rongtong.events.DemandStatus;
import org.rongtong.ids.UuidV7;
import org.rongtong.events.DemandPreferences;
import org.rongtong.events.DemandSnapshot;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.ProposalSnapshot;
import org.rongtong.events.SessionSnapshot;
import org.rongtong.web.validation.Tags;

/** The one place where requests, entities, API views and event contracts of demand-service meet. */
public final class DemandMapper {

    private DemandMapper() {
    }

    // --- demands

    static void apply(PublishDemandRequest request, Demand target) {
        target.field = request.field();
        target.chain = request.chain();
        target.title = request.title().strip();
        target.description = request.description().strip();
        target.requiredCapabilities = Tags.normalise(request.requiredCapabilities());
        target.regionCodes = distinct(request.regionCodes());
        target.budgetMin = request.budgetMin();
        target.budgetMax = request.budgetMax();
        target.deadline = request.deadline();
        target.specification = blankToNull(request.specification());
        target.quantity = request.quantity();
        target.quantityUnit = request.quantity() == null ? null : blankToNull(request.quantityUnit());
        applyPreferences(request.preferences(), target);
        ContactPerson contact = request.contact();
        target.contactName = contact == null ? null : contact.name().strip();
        target.contactPhone = contact == null ? null : blankToNull(contact.phone());
        target.contactEmail = contact == null ? null : blankToNull(contact.email());
    }

    /**
     * Stores preferences in their columns, normalised: tiers distinct, a blank unit or a unit without a volume dropped,
     * and preferences that state nothing (null, {@code {}}, only an empty list of tiers) stored as none, so that they
     * read back, and travel in events, as null.
     */
    private static void applyPreferences(DemandPreferences requested, Demand target) {
        DemandPreferences p = normalise(requested);
        target.preferredTiers = p == null ? null : p.preferredTiers();
        target.preferInProvince = p == null ? null : p.preferInProvince();
        target.minEmployees = p == null ? null : p.minEmployees();
        target.minRevenue = p == null ? null : p.minRevenue();
        target.annualVolume = p == null ? null : p.annualVolume();
        target.annualVolumeUnit = p == null ? null : p.annualVolumeUnit();
    }

    private static DemandPreferences normalise(DemandPreferences p) {
        if (p == null) {
            return null;
        }
        List<String> tiers = p.preferredTiers() == null || p.preferredTiers().isEmpty() ? null : distinct(p.preferredTiers());
        String unit = p.annualVolume() == null ? null : blankToNull(p.annualVolumeUnit());
        if (tiers == null && p.preferInProvince() == null && p.minEmployees() == null && p.minRevenue() == null && p.annualVolume() == null) {
            return null;
        }
        return new DemandPreferences(tiers, p.preferInProvince(), p.minEmployees(), p.minRevenue(), p.annualVolume(), unit);
    }

    /** The stored preferences, or null when the demand states none. */
    static DemandPreferences preferencesOf(Demand d) {
        return normalise(new DemandPreferences(d.preferredTiers, d.preferInProvince, d.minEmployees, d.minRevenue,
                d.annualVolume, d.annualVolumeUnit));
    }

    /** The API view; the contact person only for those acting for the publisher (it is personal data). */
    public static DemandView toView(Demand d, boolean withContact) {
        ContactPerson contact = withContact && d.contactName != null ? new ContactPerson(d.contactName, d.contactPhone, d.contactEmail) : null;
        return new DemandView(d.id, d.version, d.publisherId, d.field, d.chain, d.title, d.description,
                d.requiredCapabilities, d.regionCodes, d.budgetMin, d.budgetMax, d.deadline, d.status, d.publishedAt, d.updatedAt,
                d.specification, d.quantity, d.quantityUnit, preferencesOf(d), contact, d.createdAt);
    }

    static DemandSnapshot toSnapshot(Demand d) {
        return new DemandSnapshot(d.id, d.version, d.publisherId, d.field, d.chain, d.title, d.description,
                List.copyOf(d.requiredCapabilities), List.copyOf(d.regionCodes), d.budgetMin, d.budgetMax, d.deadline,
                d.status, d.publishedAt, d.updatedAt, d.specification, d.quantity, d.quantityUnit, preferencesOf(d));
    }

    // --- enterprises

    static void apply(EnterpriseSnapshot snapshot, KnownEnterprise target) {
        target.id = snapshot.id();
        target.version = snapshot.version();
        target.name = snapshot.name();
        target.kind = snapshot.kind();
        target.regionCode = snapshot.regionCode();
        target.active = snapshot.active();
    }

    // --- proposals

    static void apply(SubmitProposalRequest request, Proposal target) {
        target.title = request.title().strip();
        target.description = request.description().strip();
        target.offering = request.offering().strip();
        target.attachments = request.attachments() == null ? List.of()
                : request.attachments().stream().map(a -> new Attachment(blankToNull(a.title()), a.url().strip())).toList();
    }

    public static ProposalView toView(Proposal p) {
        List<AttachmentLink> links = p.attachments.stream().map(a -> new AttachmentLink(a.title(), a.url())).toList();
        return new ProposalView(p.id, p.version, p.demandId, p.publisherId, p.proposerId, p.title, p.description, p.offering,
                links, p.status, p.submittedAt, p.updatedAt, p.closeReason);
    }

    static ProposalSnapshot toSnapshot(Proposal p) {
        return new ProposalSnapshot(p.id, p.version, p.demandId, p.publisherId, p.proposerId, p.title, p.status,
                p.submittedAt, p.updatedAt, p.closeReason);
    }

    // --- sessions

    static void apply(ScheduleSessionRequest request, MatchmakingSession target) {
        target.name = request.name().strip();
        target.date = request.date();
        target.regionCode = request.regionCode();
        target.venue = blankToNull(request.venue());
        target.chains = distinct(request.chains());
        target.participantIds = distinct(request.participantIds());
        target.demandIds = distinct(request.demandIds());
    }

    public static SessionView toView(MatchmakingSession s) {
        return new SessionView(s.id, s.version, s.name, s.date, s.regionCode, s.venue, s.chains, s.participantIds, s.demandIds,
                s.status, s.organiser, s.scheduledAt, s.updatedAt);
    }

    static SessionSnapshot toSnapshot(MatchmakingSession s) {
        return new SessionSnapshot(s.id, s.version, s.name, s.date, s.regionCode, s.venue, List.copyOf(s.chains),
                List.copyOf(s.participantIds), List.copyOf(s.demandIds), s.status, s.scheduledAt, s.updatedAt);
    }

    // ---

    static <T> List<T> distinct(List<T> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A new demand of {@code publisherId} from a request: published now, or a draft. */
    static Demand newDemand(PublishDemandRequest request, UUID publisherId, boolean draft) {
        Demand demand = new Demand();
        DemandMapper.apply(request, demand);
        demand.id = UuidV7.next();
        demand.version = 1;
        demand.publisherId = publisherId;
        demand.createdAt = Instant.now();
        demand.updatedAt = demand.createdAt;
        demand.status = draft ? DemandStatus.DRAFT : DemandStatus.PUBLISHED;
        demand.publishedAt = draft ? null : demand.createdAt;
        return demand;
    }
}
