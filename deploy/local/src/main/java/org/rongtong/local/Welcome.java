package org.rongtong.local;

import org.rongtong.testing.DevTokens;

/** What run.sh prints once the stack is up: where everything is, and tokens to try the APIs with. */
final class Welcome {

    private Welcome() {
    }

    static String text(LocalStack stack) {
        StringBuilder out = new StringBuilder("\nRongtong is up.\n\n");
        out.append("  Kafka bootstrap      ").append(stack.bootstrapServers()).append('\n');
        out.append("  Databases            ").append(stack.postgresDescription()).append('\n');
        for (Service s : Service.values()) {
            out.append(String.format("  %-20s %s   (Swagger UI: %s/q/swagger-ui; health: %s/q/health/ready, metrics: %s/q/metrics)%n",
                    s.directory, stack.url(s), stack.url(s), stack.managementUrl(s), stack.managementUrl(s)));
        }
        out.append("\nBureau dashboard:      ").append(stack.url(Service.NOTIFICATION)).append("/dashboard/  (sign in with the bureau token below)\n");
        out.append("\nTokens for trying the APIs (development key, valid 12 h):\n");
        out.append("  operator:  ").append(DevTokens.operator()).append('\n');
        out.append("  partner:   ").append(DevTokens.partner()).append('\n');
        out.append("  bureau 37: ").append(DevTokens.bureau("37")).append('\n');
        out.append("\nExample:  curl -H \"Authorization: Bearer $TOKEN\" ").append(stack.url(Service.REGISTRY)).append("/api/v1/enterprises/<id>\n");
        out.append("Press Ctrl-C to stop everything.\n");
        return out.toString();
    }
}
