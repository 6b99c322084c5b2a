package org.rongtong.notification.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.outbox.TraceContext;

@Tag("unit")
class TargetSlotsTest {

    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");

    private static DueDelivery due(UUID subscription) {
        return new DueDelivery(UUID.randomUUID(), subscription, "e", "{}", "https://example.org/hook", "s", null, null, TraceContext.NONE);
    }

    @Test
    void aTargetGetsNoMoreRequestsInFlightThanItsShare() {
        TargetSlots slots = new TargetSlots(2, 100);
        for (int i = 0; i < 5; i++) {
            slots.claimed(due(A));
        }
        assertNotNull(slots.next(A));
        assertNotNull(slots.next(A));
        assertNull(slots.next(A), "both of its slots are taken");
        slots.finished(A);
        assertNotNull(slots.next(A), "a finished exchange frees a slot");
    }

    @Test
    void theGlobalLimitHoldsAcrossTargets() {
        TargetSlots slots = new TargetSlots(4, 3);
        List.of(A, A, A, B, B).forEach(s -> slots.claimed(due(s)));
        assertNotNull(slots.next(A));
        assertNotNull(slots.next(A));
        assertNotNull(slots.next(A));
        assertNull(slots.next(B), "three in flight in all");
        slots.finished(A);
        assertNotNull(slots.next(B));
    }

    @Test
    void aReservationIsCappedByTheRoomLeftInTheTargetsBuffer() {
        TargetSlots slots = new TargetSlots(2, 100);
        assertEquals(8, slots.buffer(), "four waves of two slots");
        assertEquals(5, slots.reserve(A, 5));
        assertEquals(3, slots.reserve(A, 5), "only what is left");
        assertEquals(0, slots.reserve(A, 1));
        assertTrue(slots.release(A, 2));
        assertEquals(2, slots.reserve(A, 5));
        assertFalse(slots.release(B, 1), "nothing was reserved for an unknown target");
    }

    @Test
    void aHandedOverDeliveryTakesTheReservedPlaceRatherThanANewOne() {
        TargetSlots slots = new TargetSlots(2, 100);
        assertEquals(1, slots.reserve(A, 1));
        slots.handedOver(due(A));
        assertEquals(7, slots.reserve(A, 8), "the backlog counts the delivery once");
    }

    @Test
    void aTargetIsOfferedToAClaimOnlyWithAChunksWorthOfRoom() {
        TargetSlots slots = new TargetSlots(2, 100);
        slots.reserve(A, 5);
        slots.reserve(B, 3);
        TargetSlots.Room room = slots.room();
        int a = List.of(room.targets()).indexOf(A);
        int b = List.of(room.targets()).indexOf(B);
        assertEquals(0, room.room()[a], "3 free, less than a chunk of 4");
        assertEquals(5, room.room()[b]);
        assertEquals(8, room.newTarget());
        assertFalse(room.allFull());
        slots.reserve(B, 5);
        assertTrue(slots.room().allFull());
        assertFalse(slots.wantsRefill(A));
        slots.release(A, 1);
        assertTrue(slots.wantsRefill(A));
    }

    @Test
    void aRoundClaimsAtMostTwiceTheFreeSlotsLessWhatWaits() {
        TargetSlots slots = new TargetSlots(4, 10);
        assertEquals(20, slots.capacity(200));
        assertEquals(5, slots.capacity(5), "no more than a batch");
        List.of(A, A, A).forEach(s -> slots.claimed(due(s)));
        assertEquals(17, slots.capacity(200));
        slots.next(A);
        assertEquals(16, slots.capacity(200), "one slot taken, one delivery less waiting");
    }

    @Test
    void stoppingTakesOutEverythingStillWaiting() {
        TargetSlots slots = new TargetSlots(1, 100);
        DueDelivery first = due(A);
        DueDelivery second = due(A);
        DueDelivery third = due(B);
        List.of(first, second, third).forEach(slots::claimed);
        assertEquals(first, slots.next(A));
        List<UUID> waiting = slots.takeWaiting();
        assertArrayEquals(List.of(second.id(), third.id()).stream().sorted().toArray(), waiting.stream().sorted().toArray());
        assertNull(slots.next(B));
    }
}
