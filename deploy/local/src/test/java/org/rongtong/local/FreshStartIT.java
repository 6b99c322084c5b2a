package org.rongtong.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rongtong.testing.DevTokens;

/**
 * {@code run.sh --fresh} (ADR 0025): a stack started again on the same databases keeps what was registered; started
 * with {@code fresh()} it drops them first and starts empty. Only registry-service runs: the databases are the point.
 */
class FreshStartIT {

    private final Path root = Path.of(System.getProperty("rongtong.root", "../..")).toAbsolutePath().normalize();
    private final String prefix = "rt_fresh_" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aRestartKeepsTheRegisteredEnterprisesAndAFreshStartDropsThem() throws Exception {
        String id;
        try (LocalStack stack = registryOnly(false).start()) {
            id = register(new StackClient(stack));
        }
        try (LocalStack stack = registryOnly(false).start()) {
            assertEquals(200, new StackClient(stack).get(Service.REGISTRY, "/api/v1/enterprises/" + id, DevTokens.operator()).status(),
                    "a plain restart keeps the databases");
        }
        try (LocalStack stack = registryOnly(true).fresh().start()) {
            StackClient client = new StackClient(stack);
            assertEquals(404, client.get(Service.REGISTRY, "/api/v1/enterprises/" + id, DevTokens.operator()).status(),
                    "--fresh dropped the registry's database");
            assertEquals(0, client.get(Service.REGISTRY, "/api/v1/enterprises?size=10", DevTokens.operator()).body().get("items").size());
        }
    }

    /** The same database names every time; only the last stack drops them when it closes. */
    private LocalStack registryOnly(boolean dropOnClose) {
        return LocalStack.onFreePorts(root, prefix, dropOnClose).only(Set.of(Service.REGISTRY));
    }

    private static String register(StackClient client) {
        return client.registerEnterprise(DevTokens.partner(), "重新开始前登记的企业", "SME", null, "370211", List.of(),
                List.of("精密注塑"), Map.of());
    }
}
