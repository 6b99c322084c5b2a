package org.rongtong.local.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rongtong.local.LocalStack;
import org.rongtong.local.Service;

/**
 * Where a demand's end-to-end latency goes, hop by hop, from the times the services' databases keep (all on this
 * machine's clock): the publishing request's start → demand-service's publication (demand.published_at) → matching's
 * ranking (open_demand.ranked_at, taken inside the ranking transaction) → notification-service's delivery row
 * (delivery.created_at, the first bureau's) → its delivery (delivered_at) → the receiver's receipt. Read before the
 * stack stops, since the benchmark's databases are dropped with it.
 */
final class LatencyBreakdown {

    private static final String[] HOPS = {"request -> published (demand-service)", "published -> ranked (relay, Kafka, matching)",
            "ranked -> delivery row (relay, Kafka, notification)", "delivery row -> delivered (dispatcher)", "delivered -> received"};

    private LatencyBreakdown() {
    }

    /** sentAt and receivedAt in epoch milliseconds per demand id; prints p50/p99/max of each hop. */
    static void print(LocalStack stack, Map<String, Long> sentAt, Map<String, Long> receivedAt) throws SQLException {
        List<String> ids = new ArrayList<>(receivedAt.keySet());
        ids.retainAll(sentAt.keySet());
        Map<String, Long> published = times(stack, Service.DEMAND, "SELECT id::text, published_at FROM demand WHERE id = ANY (?)", ids);
        Map<String, Long> ranked = times(stack, Service.MATCHING, "SELECT id::text, ranked_at FROM open_demand WHERE id = ANY (?)", ids);
        Map<String, Long> queued = times(stack, Service.NOTIFICATION,
                "SELECT aggregate_id, min(created_at) FROM delivery WHERE aggregate_id = ANY (?) GROUP BY aggregate_id", ids);
        Map<String, Long> delivered = times(stack, Service.NOTIFICATION,
                "SELECT aggregate_id, min(delivered_at) FROM delivery WHERE aggregate_id = ANY (?) GROUP BY aggregate_id", ids);
        List<List<Double>> hops = new ArrayList<>();
        for (int i = 0; i < HOPS.length; i++) {
            hops.add(new ArrayList<>());
        }
        for (String id : ids) {
            Long[] at = {sentAt.get(id), published.get(id), ranked.get(id), queued.get(id), delivered.get(id), receivedAt.get(id)};
            for (int i = 0; i < HOPS.length; i++) {
                if (at[i] != null && at[i + 1] != null) {
                    hops.get(i).add((double) (at[i + 1] - at[i]));
                }
            }
        }
        System.out.println("where the time goes (ms, from the databases' times; first bureau delivery of each demand):");
        for (int i = 0; i < HOPS.length; i++) {
            List<Double> v = hops.get(i);
            System.out.printf("  %-52s p50 %7.0f  p99 %7.0f  max %7.0f  (%d)%n", HOPS[i], pct(v, 50), pct(v, 99), pct(v, 100), v.size());
        }
        // a queue that builds shows as latency growing with the publishing time; a fixed wait as a flat line
        long first = sentAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        Map<Long, List<Double>> byTenSeconds = new java.util.TreeMap<>();
        for (String id : ids) {
            byTenSeconds.computeIfAbsent((sentAt.get(id) - first) / 10_000, k -> new ArrayList<>()).add((double) (receivedAt.get(id) - sentAt.get(id)));
        }
        StringBuilder line = new StringBuilder("publish -> first webhook p50 (ms) by 10 s of publishing:");
        byTenSeconds.values().forEach(v -> line.append(String.format(" %.0f", pct(v, 50))));
        System.out.println(line);
    }

    /** CPU seconds each service's processes used since {@code before} (from {@link #cpu}). */
    static void printCpu(LocalStack stack, Map<String, Double> before, double wallSeconds) {
        Map<String, Double> after = cpu(stack);
        StringBuilder line = new StringBuilder(String.format("CPU seconds over %.0f s:", wallSeconds));
        after.forEach((name, seconds) -> line.append(String.format(" %s %.1f", name, seconds - before.getOrDefault(name, 0.0))));
        System.out.println(line);
    }

    /** CPU seconds used so far by each service's replicas, by service. */
    static Map<String, Double> cpu(LocalStack stack) {
        Map<String, Double> seconds = new java.util.LinkedHashMap<>();
        for (Service s : Service.values()) {
            double sum = 0;
            for (int r = 0; r < stack.replicas(s); r++) {
                sum += stack.process(s, r).info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
            }
            seconds.put(s.name().toLowerCase(java.util.Locale.ROOT), sum);
        }
        return seconds;
    }

    private static Map<String, Long> times(LocalStack stack, Service service, String sql, List<String> ids) throws SQLException {
        Map<String, Long> at = new HashMap<>();
        try (Connection c = stack.connect(service); PreparedStatement ps = c.prepareStatement(sql)) {
            boolean uuid = sql.contains("id::text");
            Array array = uuid ? c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray())
                    : c.createArrayOf("varchar", ids.toArray());
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getTimestamp(2) != null) {
                        at.put(rs.getString(1), rs.getTimestamp(2).getTime());
                    }
                }
            }
        }
        return at;
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
    }
}
