package org.rongtong.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EventSources;
import org.rongtong.outbox.TraceContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@Tag("unit")
class SubscriptionMapperTest {

    @Test
    void anEventWithoutASourceGoesOutAsMatchingServicesOwn() throws Exception {
        EventFacts facts = new EventFacts("e1", "rongtong.matching.demand.matched.v1", null, "d1", Instant.parse("2026-11-30T09:00:00Z"),
                "{\"demandId\":\"d1\"}", "310115", null, null, null, null, List.of(), true, TraceContext.NONE);
        String body = SubscriptionMapper.structured(facts);
        assertEquals(EventSources.MATCHING, new ObjectMapper().readTree(body).get("source").asText());
    }

    @Test
    void theBodyCarriesTheEventsDataUnchangedInsideAValidCloudEvent() throws Exception {
        String data = "{\"demandId\":\"d1\",\"candidates\":[{\"enterpriseId\":\"e\",\"reasons\":[\"精密注塑 \\\"引号\\\"\"]}]}";
        EventFacts facts = new EventFacts("e1", "rongtong.matching.demand.matched.v1", EventSources.MATCHING, "d1",
                Instant.parse("2026-11-30T09:00:00Z"), data, "310115", null, null, null, null, List.of(), true, TraceContext.NONE);
        ObjectMapper json = new ObjectMapper();
        JsonNode body = json.readTree(SubscriptionMapper.structured(facts));
        assertEquals(json.readTree(data), body.get("data"));
        assertEquals("e1", body.get("id").asText());
        assertEquals("1.0", body.get("specversion").asText());
    }
}
