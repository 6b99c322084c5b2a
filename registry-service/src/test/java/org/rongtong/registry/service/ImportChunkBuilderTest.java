package org.rongtong.registry.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EventTypes;
import org.rongtong.testing.TestJson;

/** A chunk of accepted rows as the second pass will copy them: one enterprise row and one registered event per row. */
@Tag("unit")
class ImportChunkBuilderTest {

    private static final String CSV = "name,creditCode,kind,regionCode,capabilities,willingness\n"
            + "厦门海工装备,91350100M000100Y43,SME,350203,船舶焊接；海工装配,TECH_RND:STRONG\n"
            + "青岛精密注塑,91370200MA3C5XYZ1K,SME,370211,精密注塑,PRODUCT_SUPPORTING:OPEN\n";

    private final ImportChunkBuilder builder = new ImportChunkBuilder(TestJson.MAPPER);

    @Test
    void eachRowKeepsItsLineItsCodeAndANewIdOfItsOwn() throws IOException {
        PreparedRows.Chunk chunk = builder.build(rows());
        assertArrayEquals(new int[] {2, 3}, chunk.lines());
        assertArrayEquals(new String[] {"91350100M000100Y43", "91370200MA3C5XYZ1K"}, chunk.codes());
        assertNotEquals(chunk.ids()[0], chunk.ids()[1]);
        assertEquals(3, chunk.lastLine());
    }

    @Test
    void theChunkHoldsTheEnterpriseRowsAndTheirRegisteredEventsAsCopyText() throws IOException {
        PreparedRows.Chunk chunk = builder.build(rows());
        String enterprises = new String(bytes(chunk.enterprises()), StandardCharsets.UTF_8);
        String events = new String(bytes(chunk.events()), StandardCharsets.UTF_8);
        assertTrue(enterprises.contains("厦门海工装备") && enterprises.contains("青岛精密注塑"), enterprises);
        assertTrue(enterprises.contains(chunk.ids()[0].toString()));
        assertEquals(2, events.split(EventTypes.ENTERPRISE_REGISTERED, -1).length - 1, "one registered event per row");
        assertTrue(events.contains("\"creditCode\":\"91370200MA3C5XYZ1K\""), "the event carries the snapshot");
    }

    private static byte[] bytes(CopyRows rows) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        rows.writeTo(new java.io.DataOutputStream(out));
        return out.toByteArray();
    }

    private static List<ImportFile.Row> rows() throws IOException {
        List<ImportFile.Row> rows = new ArrayList<>();
        ImportFile.readCsv(new StringReader(CSV), rows::add);
        return rows;
    }
}
