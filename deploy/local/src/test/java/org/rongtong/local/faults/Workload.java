package org.rongtong.local.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.rongtong.local.Service;
import org.rongtong.local.StackClient;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.TestData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the suite asks of the stack, through the public REST APIs only, and the ledger of what it was told: enterprises
 * registered (by credit code) and demands published (by a title unique to the run). A call that fails because a service,
 * the broker or the database is down is repeated until it succeeds, without creating anything twice: a registration
 * repeats its {@code Idempotency-Key}, and a demand is looked up by its title before it is sent again.
 */
public final class Workload implements AutoCloseable {

    /** Enterprises and demands of one group fit each other and nothing else: a field of their own. */
    record Group(String field, String chain, List<String> capabilities, String title, String description, List<String> required) {
    }

    static final List<Group> GROUPS = List.of(
            new Group("PRODUCT_SUPPORTING", "HOME_APPLIANCES", List.of("精密注塑", "模具开发"), "洗衣机内桶精密注塑件配套",
                    "寻求精密注塑与模具开发能力的配套企业", List.of("精密注塑", "模具开发")),
            new Group("PROCUREMENT", "HIGH_END_EQUIPMENT", List.of("数控加工", "五轴加工"), "减速机壳体数控加工采购",
                    "采购减速机壳体的数控加工服务，需要五轴加工能力", List.of("数控加工")),
            new Group("TECH_RND", "HOME_APPLIANCES", List.of("压铸", "铝合金压铸"), "压缩机壳体压铸工艺联合研发",
                    "联合研发压缩机壳体的铝合金压铸工艺", List.of("压铸")));

    private static final List<String> REGIONS = List.of("370211", "370212", "370214", "370602", "370705");

    /** An enterprise the suite registered: {@code group} -1 for the bulk-imported ones, whose ids only the topic tells. */
    record Enterprise(String name, String creditCode, int group, boolean leader, UUID id) {
    }

    public record Demand(String title, int group, UUID publisherId, UUID id) {
    }

    private final StackClient client;
    private final String run;
    private final Duration patience;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Enterprise> enterprises = new CopyOnWriteArrayList<>();
    private final List<Demand> demands = new CopyOnWriteArrayList<>();
    private final List<Enterprise> leaders = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private int sequence;

    public Workload(StackClient client, String run, Duration patience) {
        this.client = client;
        this.run = run;
        this.patience = patience;
    }

    List<Enterprise> enterprises() {
        return List.copyOf(enterprises);
    }

    public List<Demand> demands() {
        return List.copyOf(demands);
    }

    /** Runs the calls in the background, so that a fault can strike while they are under way. */
    public CompletableFuture<Void> inBackground(List<Runnable> calls) {
        return CompletableFuture.allOf(calls.stream().map(c -> CompletableFuture.runAsync(c, executor)).toArray(CompletableFuture[]::new));
    }

    /** One chain leader per group (demand-service accepts its demands once the registry's event has reached it). */
    public void registerLeaders() {
        for (int g = 0; g < GROUPS.size(); g++) {
            Enterprise leader = register(g, true);
            leaders.add(leader);
        }
    }

    /** The calls that register {@code perGroup} SMEs in each group and publish {@code demandsPerLeader} demands per leader. */
    public List<Runnable> round(int perGroup, int demandsPerLeader) {
        List<Runnable> calls = new ArrayList<>();
        for (int i = 0; i < Math.max(perGroup, demandsPerLeader); i++) {
            for (int g = 0; g < GROUPS.size(); g++) {
                int group = g;
                if (i < perGroup) {
                    calls.add(() -> register(group, false));
                }
                if (i < demandsPerLeader) {
                    calls.add(() -> publish(leaders.get(group), nextNumber()));
                }
            }
        }
        return calls;
    }

    Enterprise register(int group, boolean leader) {
        int n = nextNumber();
        Group g = GROUPS.get(group);
        String name = (leader ? "链主集团" : "配套企业") + "-" + run + "-" + n;
        String region = REGIONS.get(n % REGIONS.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("creditCode", TestData.creditCode(region));
        body.put("kind", leader ? "CHAIN_LEADER" : "SME");
        body.put("tier", "SPECIALIZED_SME");
        body.put("regionCode", region);
        body.put("chains", List.of(g.chain()));
        body.put("capabilities", leader ? List.of("整机装配") : g.capabilities());
        body.put("willingness", leader ? Map.of() : Map.of(g.field(), "STRONG"));
        String key = "faults-" + run + "-" + n;
        StackClient.Reply reply = retry("register " + name, () -> client.post(Service.REGISTRY, "/api/v1/enterprises", DevTokens.partner(), body,
                Map.of("Idempotency-Key", key)), r -> r.status() == 201 || r.status() == 200);
        Enterprise e = new Enterprise(name, (String) body.get("creditCode"), group, leader, UUID.fromString(reply.body().get("id").asText()));
        enterprises.add(e);
        return e;
    }

    /**
     * Registers {@code count} enterprises in one NDJSON import (a burst on the enterprise topic that keeps the consumers
     * busy for a while). They are willing only for a field no demand of the run asks for, so they add no matches.
     */
    public List<String> importBurst(int count) {
        StringBuilder ndjson = new StringBuilder();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = nextNumber();
            String region = REGIONS.get(n % REGIONS.size());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", "节能服务企业-" + run + "-" + n);
            row.put("creditCode", TestData.creditCode(region));
            row.put("kind", "SME");
            row.put("tier", "SPECIALIZED_SME");
            row.put("regionCode", region);
            row.put("chains", List.of("HOME_APPLIANCES"));
            row.put("capabilities", List.of("节能改造", "能源审计"));
            row.put("willingness", Map.of("GREEN_LOW_CARBON", "OPEN"));
            codes.add((String) row.get("creditCode"));
            try {
                ndjson.append(json.writeValueAsString(row)).append('\n');
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            enterprises.add(new Enterprise((String) row.get("name"), (String) row.get("creditCode"), -1, false, null));
        }
        String key = "faults-" + run + "-import-" + nextNumber();
        StackClient.Reply reply = retry("import " + count + " enterprises", () -> client.postText(Service.REGISTRY, "/api/v1/enterprises/imports?atomic=true",
                DevTokens.partner(), "application/x-ndjson", ndjson.toString(), Map.of("Idempotency-Key", key)), r -> r.status() == 200);
        if (reply.body().get("done").asInt() != count) {
            throw new AssertionError("The import registered " + reply.body().get("done") + " of " + count + ": " + reply.body());
        }
        return codes;
    }

    Demand publish(Enterprise leader, int n) {
        Group g = GROUPS.get(leader.group());
        String title = g.title() + " " + run + "-" + n;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("publisherId", leader.id().toString());
        body.put("field", g.field());
        body.put("chain", g.chain());
        body.put("title", title);
        body.put("description", g.description());
        body.put("requiredCapabilities", g.required());
        body.put("regionCodes", List.of("37"));
        body.put("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        StackClient.Reply reply = retry("publish " + title, () -> {
            // an earlier attempt may have been committed though its answer was lost: never publish the same demand twice
            JsonNode existing = findDemand(leader.id(), title);
            if (existing != null) {
                return new StackClient.Reply(201, existing);
            }
            return client.post(Service.DEMAND, "/api/v1/demands", DevTokens.operator(), body);
        }, r -> r.status() == 201);
        Demand d = new Demand(title, leader.group(), leader.id(), UUID.fromString(reply.body().get("id").asText()));
        demands.add(d);
        return d;
    }

    /** The publisher's demand with this title, or null; fails (and so is retried) while demand-service cannot answer. */
    JsonNode findDemand(UUID publisher, String title) {
        StackClient.Reply page = client.get(Service.DEMAND, "/api/v1/demands?publisher=" + publisher + "&size=100", DevTokens.operator());
        if (page.status() != 200) {
            throw new IllegalStateException("listing demands answered " + page.status());
        }
        for (JsonNode item : page.body().get("items")) {
            if (title.equals(item.get("title").asText())) {
                return item;
            }
        }
        return null;
    }

    private synchronized int nextNumber() {
        return ++sequence;
    }

    /** Repeats a call until its reply satisfies {@code done}: while a service restarts, or its database or broker is down. */
    private StackClient.Reply retry(String what, Supplier<StackClient.Reply> call, java.util.function.Predicate<StackClient.Reply> done) {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                StackClient.Reply reply = call.get();
                if (done.test(reply)) {
                    return reply;
                }
                last = reply.status() + " " + reply.body();
            } catch (RuntimeException e) {
                last = String.valueOf(e.getCause() != null ? e.getCause() : e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted: " + what, e);
            }
        }
        throw new AssertionError("Could not " + what + " within " + patience + "; last: " + last);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
