package org.rongtong.notification.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.rongtong.web.security.Viewer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one receiver (a subscription's owner, a stream's caller) may see of an event, by the one rule of
 * {@link Viewer}: a candidate list whole when it sees the demand whole (acts for the publisher, or covers the region
 * it was published from), else only the candidates it sees (acts for them, or covers where they are registered), and
 * nothing when none is left; a match move when it sees the demand whole or the moved candidate.
 */
final class Audience {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Audience() {
    }

    /** Null when the viewer sees the demand whole; else the parties it sees (possibly none). */
    static Set<UUID> visibleParties(Viewer viewer, UUID publisherId, String publisherRegion, List<EventFacts.Party> parties) {
        if (viewer.seesWholeDemand(publisherId, publisherRegion)) {
            return null;
        }
        Set<UUID> visible = new HashSet<>();
        for (EventFacts.Party p : parties) {
            if (viewer.seesCandidate(p.id(), p.region())) {
                visible.add(p.id());
            }
        }
        return visible;
    }

    static Set<UUID> visibleParties(Viewer viewer, EventFacts e) {
        return visibleParties(viewer, e.publisherId(), e.publisherRegion(), e.parties());
    }

    static boolean sees(Set<UUID> visible) {
        return visible == null || !visible.isEmpty();
    }

    /**
     * Whether the body must be cut for this viewer: only a candidate list seen in part. (A match move names one
     * candidate, and whoever sees it sees that candidate or the whole demand.)
     */
    static boolean cut(EventFacts e, Set<UUID> visible) {
        return e.rankedList() && visible != null;
    }

    /** The CloudEvent (JSON structured mode) with {@code data.candidates} (and a delta's {@code data.displaced}) cut to the given enterprises. */
    static String keepCandidates(String structured, Set<UUID> keep) {
        return new Cutter(structured).keep(keep);
    }

    /**
     * Cuts one event for several receivers: the body is read once, each cut shares the unchanged parts of that tree and
     * is only written. (Reading the body again for each bureau that sees part of a list was 40 % of the service's CPU
     * in the end-to-end benchmark, docs/adr/0028.)
     */
    static final class Cutter {
        private final String structured;
        private ObjectNode event;

        Cutter(String structured) {
            this.structured = structured;
        }

        /** The event with {@code data.candidates} (and a delta's {@code data.displaced}) cut to the given enterprises. */
        String keep(Set<UUID> keep) {
            try {
                if (event == null) {
                    event = (ObjectNode) JSON.readTree(structured);
                }
                // shallow copies: the tree read once stays as it is for the next receiver
                ObjectNode cut = JSON.createObjectNode().setAll(event);
                if (event.get("data") instanceof ObjectNode data) {
                    ObjectNode d = JSON.createObjectNode().setAll(data);
                    // a delta's displaced candidates (ADR 0022) are cut by the same rule as its added ones
                    for (String list : new String[] {"candidates", "displaced"}) {
                        if (data.get(list) instanceof ArrayNode all) {
                            ArrayNode kept = JSON.createArrayNode();
                            for (JsonNode c : all) {
                                if (keep.contains(uuid(c.path("enterpriseId").asText()))) {
                                    kept.add(c);
                                }
                            }
                            d.set(list, kept);
                        }
                    }
                    cut.set("data", d);
                }
                return JSON.writeValueAsString(cut);
            } catch (JsonProcessingException | ClassCastException e) {
                throw new IllegalStateException("An event body could not be read to cut its candidate list", e);
            }
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
