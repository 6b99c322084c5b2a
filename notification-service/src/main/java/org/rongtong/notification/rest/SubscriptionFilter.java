package org.rongtong.notification.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.rongtong.events.CooperationField;

/** What a subscription (or a stream) wants; an empty list means any. Within the owner's scope only, always. */
public record SubscriptionFilter(
        @Size(max = 50) List<@NotNull @Size(max = 200) String> eventTypes,
        @Pattern(regexp = "\\d{2,6}", message = "must be a division-code prefix of 2 to 6 digits") String regionPrefix,
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
