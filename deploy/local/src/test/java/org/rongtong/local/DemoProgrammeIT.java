package org.rongtong.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.EmbeddedKafkaBroker;
import org.rongtong.testing.PostgresServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Java alone is enough (ADR 0025): the default PostgreSQL address points where nothing listens, so the stack runs on the
 * bundled server; the demonstration programme loads through the public APIs and every KPI of Shandong has a value.
 */
class DemoProgrammeIT {

    @Test
    void onTheBundledPostgresTheDemonstrationLoadsAndEveryShandongKpiHasAValue() throws Exception {
        System.setProperty(PostgresServer.DEFAULT_PORT_PROPERTY, Integer.toString(EmbeddedKafkaBroker.freePort()));
        try (LocalStack stack = LocalStack.throwaway(Path.of(System.getProperty("rongtong.root", "../..")), "rt_demo").start()) {
            assertEquals(!PostgresServer.configured(), stack.onBundledPostgres(), stack.postgresDescription());
            StackClient client = new StackClient(stack);
            DemoProgramme.Loaded loaded = new DemoProgramme(client).load(System.out);

            assertEquals(516, loaded.enterprises());
            assertEquals(63 + 19 * 3, loaded.demands());
            assertTrue(loaded.proposals() >= 40, "proposals: " + loaded.proposals());
            assertTrue(loaded.cooperations() >= 10, "cooperations: " + loaded.cooperations());
            assertTrue(DemoProgramme.everyIndicatorHasAValue(loaded.kpis()), loaded.kpis().toString());
            assertEquals(4, loaded.kpis().get("indicators").size());

            String bureau = DevTokens.bureau("37");
            JsonNode qingdao = client.get(Service.DEMAND, "/api/v1/sessions?region=3702&status=HELD&dateFrom=2022-06-27&dateTo=2022-06-27", bureau).body();
            assertEquals(1, qingdao.get("total").asInt(), qingdao.toString());
            assertEquals(9, qingdao.get("items").get(0).get("chains").size(), "every flagship chain");
            assertEquals(20, qingdao.get("items").get(0).get("participantIds").size(), "the 20 chain leaders");
            JsonNode demands = client.get(Service.DEMAND, "/api/v1/demands?publisher=" + loaded.applianceLeaderId() + "&size=100", bureau).body();
            assertEquals(63, demands.get("total").asInt(), "the appliance chain leader's demands");
            // another province's bureau reads none of it
            assertEquals(403, client.get(Service.MATCHING, "/api/v1/kpis?region=37", DevTokens.bureau("44")).status());

            assertNull(new DemoProgramme(client).load(System.out), "loading it again on the same databases says it is there already");
        } finally {
            System.clearProperty(PostgresServer.DEFAULT_PORT_PROPERTY);
        }
    }
}
