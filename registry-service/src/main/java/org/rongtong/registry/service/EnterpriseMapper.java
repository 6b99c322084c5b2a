package org.rongtong.registry.service;

import java.util.LinkedHashSet;
import java.util.List;

import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.model.WillingnessConverter;
import org.rongtong.registry.rest.ContactDto;
import org.rongtong.registry.rest.EnterpriseView;
import org.rongtong.registry.rest.RegisterEnterpriseRequest;
import org.rongtong.web.validation.Tags;

/** The one place where requests, entities, API views and event snapshots are mapped onto each other. */
public final class EnterpriseMapper {

    private EnterpriseMapper() {
    }

    static void apply(RegisterEnterpriseRequest request, Enterprise target) {
        target.name = request.name().strip();
        target.englishName = blankToNull(request.englishName());
        target.creditCode = request.creditCode();
        target.kind = request.kind();
        target.tier = request.tier();
        target.tierLevel = request.tierLevel();
        target.tierYear = request.tierYear();
        target.tierValidUntil = request.tierValidUntil();
        target.regionCode = request.regionCode();
        target.chains = distinct(request.chains());
        target.capabilities = Tags.normalise(request.capabilities());
        target.description = request.description();
        target.products = request.products();
        target.certifications = Tags.normalise(request.certifications());
        target.willingness = WillingnessConverter.copyOf(request.willingness());
        target.employees = request.employees();
        target.revenue = request.revenue();
        target.yearFounded = request.yearFounded();
        target.contacts = request.contacts() == null ? List.of() : request.contacts().stream()
                .map(c -> new Enterprise.Contact(c.name().strip(), c.role(), c.phone(), c.email())).toList();
    }

    /** @param withContacts whether the caller may see personal data (the enterprise itself, operators, partners) */
    public static EnterpriseView toView(Enterprise e, boolean withContacts) {
        List<ContactDto> contacts = withContacts
                ? e.contacts.stream().map(c -> new ContactDto(c.name(), c.role(), c.phone(), c.email())).toList()
                : null;
        return new EnterpriseView(e.id, e.version, e.name, e.englishName, e.creditCode, e.kind, e.tier, e.tierLevel, e.tierYear,
                e.tierValidUntil, e.regionCode, e.chains, e.capabilities, e.description, e.products, e.certifications,
                e.willingness, e.employees, e.revenue, e.yearFounded, contacts, e.active, e.registeredAt, e.updatedAt);
    }

    /** Everything but the contacts: personal data never travels in events. */
    static EnterpriseSnapshot toSnapshot(Enterprise e) {
        return new EnterpriseSnapshot(e.id, e.version, e.name, e.creditCode, e.kind, e.tier, e.regionCode,
                List.copyOf(e.chains), List.copyOf(e.capabilities), e.description, WillingnessConverter.copyOf(e.willingness),
                e.active, e.registeredAt, e.updatedAt, e.englishName, e.tierLevel, e.tierYear, e.tierValidUntil, e.products,
                List.copyOf(e.certifications), e.employees, e.revenue, e.yearFounded);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
