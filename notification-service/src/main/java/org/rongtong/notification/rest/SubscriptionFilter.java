package org.rongtong.notification.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rongtong.events.CooperationField;
import org.rongtong.web.validation.RegionCode;

/** What a subscription (or a stream) wants; an empty list means any. Within the owner's scope only, always. */
public record SubscriptionFilter(
        @Size(max = 50) List<@NotNull @Size(max = 200) String> eventTypes,
        @Pattern(regexp = RegionCode.PREFIX, message = RegionCode.PREFIX_MESSAGE) String regionPrefix,
        @Size(max = 100) List<@NotNull @Size(max = 40) String> chains,
        @Size(max = 12) List<@NotNull CooperationField> fields) {

    public static final SubscriptionFilter ANY = new SubscriptionFilter(List.of(), null, List.of(), List.of());

    public List<String> eventTypesOrEmpty() {
        return eventTypes == null ? List.of() : eventTypes;
    }

    public List<String> chainsOrEmpty() {
        return chains == null ? List.of() : chains;
    }

    public List<CooperationField> fieldsOrEmpty() {
        return fields == null ? List.of() : fields;
    }
}
