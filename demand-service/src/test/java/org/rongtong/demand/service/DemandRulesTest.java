package org.rongtong.demand.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.demand.rest.PublishDemandRequest;
import org.rongtong.demand.rest.PublishDemandRequest.ContactPerson;
import org.rongtong.events.CooperationField;
import org.rongtong.events.DemandPreferences;
import org.rongtong.web.problem.Problem.FieldError;

/** The cross-field rules of a demand, without Quarkus or a database. */
@Tag("unit")
class DemandRulesTest {

    private static PublishDemandRequest request(BigDecimal min, BigDecimal max, BigDecimal quantity, String unit,
            DemandPreferences preferences, ContactPerson contact) {
        return new PublishDemandRequest(null, CooperationField.TECH_RND, "appliances", "注塑件", "精密注塑", List.of(), List.of(),
                min, max, Instant.now().plus(30, ChronoUnit.DAYS), null, quantity, unit, preferences, contact);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteRequestBreaksNoRule() {
        assertTrue(DemandRules.crossFieldErrors(request(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, "件", null,
                new ContactPerson("张三", "+86 10 1234 5678", null)), "").isEmpty());
    }

    @Test
    void aBudgetMaximumBelowTheMinimumIsRefusedOnTheMaximum() {
        assertEquals(List.of("budgetMax"), fields(DemandRules.crossFieldErrors(request(BigDecimal.TEN, BigDecimal.ONE, null, null,
                null, null), "")));
    }

    @Test
    void aQuantityNeedsItsUnit() {
        assertEquals(List.of("quantityUnit"), fields(DemandRules.crossFieldErrors(request(null, null, BigDecimal.ONE, " ", null,
                null), "")));
    }

    @Test
    void anAnnualVolumeNeedsItsUnit() {
        DemandPreferences volumeOnly = new DemandPreferences(List.of(), null, null, null, BigDecimal.TEN, null);
        assertEquals(List.of("preferences.annualVolumeUnit"), fields(DemandRules.crossFieldErrors(request(null, null, null, null,
                volumeOnly, null), "")));
    }

    @Test
    void aContactNeedsAPhoneOrAnEmail() {
        assertEquals(List.of("contact"), fields(DemandRules.crossFieldErrors(request(null, null, null, null, null,
                new ContactPerson("张三", "", null)), "")));
    }

    @Test
    void errorsOfABatchItemAreNamedWithTheItemsPrefix() {
        assertEquals(List.of("demands[2].budgetMax", "demands[2].quantityUnit"), fields(DemandRules.crossFieldErrors(
                request(BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, null, null, null), "demands[2].")));
    }
}
