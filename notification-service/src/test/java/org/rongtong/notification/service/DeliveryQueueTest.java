package org.rongtong.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The statements themselves run in the Quarkus tests (WebhookDeliveryTest); here, how they spell statuses. */
@Tag("unit")
class DeliveryQueueTest {

    @Test
    void statusesAreSpelledByTheModelsNamesAsQuotedLiterals() {
        assertEquals("WHERE s.status = 'ACTIVE' AND d.status = 'PENDING' OR d.status IN ('DELIVERED', 'FAILED') OR s.status = 'PAUSED'",
                DeliveryQueue.sql("WHERE s.status = {ACTIVE} AND d.status = {PENDING} OR d.status IN ({DELIVERED}, {FAILED}) OR s.status = {PAUSED}"));
    }
}
