package org.rongtong.registry.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.ids.UuidV7;
import org.rongtong.persistence.StringListConverter;
import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.model.WillingnessConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Builds a chunk of accepted rows as they will be stored, with the same mapper and converters as a single
 * registration: the enterprise rows and their registered events, both as {@code COPY} text. Runs on the import's
 * builder threads while the first pass goes on checking, so it keeps no state between chunks.
 */
@ApplicationScoped
public class ImportChunkBuilder {

    private final ObjectWriter snapshots;
    private final StringListConverter lists = new StringListConverter();
    private final WillingnessConverter willingness = new WillingnessConverter();
    private final Enterprise.ContactsConverter contacts = new Enterprise.ContactsConverter();

    public ImportChunkBuilder(ObjectMapper mapper) {
        this.snapshots = mapper.writerFor(EnterpriseSnapshot.class);
    }

    PreparedRows.Chunk build(List<ImportFile.Row> chunk) {
        int n = chunk.size();
        int[] lines = new int[n];
        String[] codes = new String[n];
        UUID[] ids = new UUID[n];
        CopyRows enterprises = new CopyRows(n * 700);
        CopyRows events = new CopyRows(n * 1400);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            ImportFile.Row row = chunk.get(i);
            // one instant per chunk, as one transaction registers it; formatted once (CopyRows remembers it)
            Enterprise e = EnterpriseService.newEnterprise(row.request(), now);
            enterprises.add(e.id, e.version, e.name, e.englishName, e.creditCode, e.kind, e.tier, e.tierLevel, e.tierYear,
                    e.tierValidUntil, e.regionCode, lists.convertToDatabaseColumn(e.chains), lists.convertToDatabaseColumn(e.capabilities),
                    e.description, e.products, lists.convertToDatabaseColumn(e.certifications),
                    willingness.convertToDatabaseColumn(e.willingness), e.employees, e.revenue == null ? null : e.revenue.toPlainString(),
                    e.yearFounded, contacts.convertToDatabaseColumn(e.contacts), "t", e.registeredAt, e.updatedAt);
            events.add(UuidV7.next(), Topics.ENTERPRISES, e.id, EventTypes.ENTERPRISE_REGISTERED, EventSources.REGISTRY, e.id,
                    snapshot(EnterpriseMapper.toSnapshot(e)), now);
            lines[i] = row.line();
            codes[i] = e.creditCode;
            ids[i] = e.id;
        }
        return new PreparedRows.Chunk(lines, codes, ids, enterprises, events);
    }

    /**
     * The event's data as UTF-8, through a writer prepared once for the snapshot type (no serializer lookup per row);
     * written as bytes, it is never held as a string and encoded again.
     */
    private byte[] snapshot(EnterpriseSnapshot value) {
        try {
            return snapshots.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable", e);
        }
    }
}
