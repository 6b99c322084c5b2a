package org.rongtong.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One event read once and cut for several receivers: each cut as if the body had been read for it alone. */
@Tag("unit")
class AudienceCutterTest {

    private static final UUID A = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-7000-8000-00000000000b");
    private static final String EVENT = """
            {"specversion":"1.0","id":"e1","type":"rongtong.matching.demand.candidates-changed.v1","data":{"demandId":"d",\
            "candidates":[{"enterpriseId":"%s","rank":1,"score":0.9},{"enterpriseId":"%s","rank":2,"score":0.8}],\
            "displaced":[{"enterpriseId":"%s"}]},"time":"2026-11-30T09:00:00Z"}""".formatted(A, B, B);

    @Test
    void eachCutKeepsOnlyItsCandidatesAndLeavesTheOthersWhole() {
        Audience.Cutter cutter = new Audience.Cutter(EVENT);
        String onlyA = cutter.keep(Set.of(A));
        String onlyB = cutter.keep(Set.of(B));
        String both = cutter.keep(Set.of(A, B));
        assertEquals("""
                {"specversion":"1.0","id":"e1","type":"rongtong.matching.demand.candidates-changed.v1","data":{"demandId":"d",\
                "candidates":[{"enterpriseId":"%s","rank":1,"score":0.9}],"displaced":[]},"time":"2026-11-30T09:00:00Z"}"""
                .formatted(A), onlyA);
        assertEquals("""
                {"specversion":"1.0","id":"e1","type":"rongtong.matching.demand.candidates-changed.v1","data":{"demandId":"d",\
                "candidates":[{"enterpriseId":"%s","rank":2,"score":0.8}],"displaced":[{"enterpriseId":"%s"}]},\
                "time":"2026-11-30T09:00:00Z"}""".formatted(B, B), onlyB);
        assertEquals(Audience.keepCandidates(EVENT, Set.of(A, B)), both, "the same as reading the body for that receiver alone");
        assertEquals(onlyA, Audience.keepCandidates(EVENT, Set.of(A)), "a cut leaves the tree read once as it was");
    }
}
