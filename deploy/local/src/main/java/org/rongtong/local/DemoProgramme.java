package org.rongtong.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rongtong.testing.DevTokens;
import org.rongtong.testing.TestData;

/**
 * A small demonstration programme in Shandong: one appliance chain leader in Qingdao, specialised SMEs, a
 * university and a bank, and three demands. Loaded through the public APIs, as a partner system would.
 */
public final class DemoProgramme {

    private final StackClient client;

    public DemoProgramme(StackClient client) {
        this.client = client;
    }

    public void load(PrintStream out) {
        String partner = DevTokens.partner();
        String leader = register(partner, "青岛家电链主集团", "CHAIN_LEADER", null, "370212", List.of("整机装配", "供应链管理"), Map.of());
        register(partner, "青岛精工模具有限公司", "SME", "SPECIALIZED_SME", "370211", List.of("精密注塑", "模具开发", "ABS改性"),
                Map.of("PRODUCT_SUPPORTING", "STRONG", "TECH_RND", "OPEN"));
        register(partner, "烟台智控电子科技有限公司", "SME", "LITTLE_GIANT", "370602", List.of("变频控制板", "嵌入式软件", "电机驱动"),
                Map.of("PRODUCT_SUPPORTING", "STRONG", "TECH_RND", "STRONG"));
        register(partner, "潍坊绿能新材料有限公司", "SME", "INNOVATIVE_SME", "370705", List.of("再生塑料", "低碳材料", "注塑"),
                Map.of("GREEN_LOW_CARBON", "STRONG", "PRODUCT_SUPPORTING", "OPEN"));
        register(partner, "山东某理工大学智能制造研究院", "UNIVERSITY", null, "370102", List.of("工业视觉检测", "数字孪生", "嵌入式软件"),
                Map.of("TECH_RND", "STRONG", "ACHIEVEMENT_TRANSFER", "STRONG"));
        register(partner, "青岛某银行科技支行", "FINANCIAL_INSTITUTION", null, "370202", List.of("供应链金融", "应收账款融资"),
                Map.of("SUPPLY_CHAIN_FINANCE", "STRONG"));

        String leaderToken = DevTokens.enterprise(java.util.UUID.fromString(leader));
        publish(leaderToken, "PRODUCT_SUPPORTING", "洗衣机内桶精密注塑件配套", List.of("精密注塑", "模具开发"), List.of("37"));
        publish(leaderToken, "TECH_RND", "变频空调控制板联合研发", List.of("变频控制板", "嵌入式软件"), List.of());
        publish(leaderToken, "SUPPLY_CHAIN_FINANCE", "二级供应商应收账款融资", List.of("供应链金融"), List.of("37"));
        out.println("Demonstration programme loaded: chain leader " + leader + " with 3 demands; token for it:\n  " + leaderToken);
    }

    private String register(String token, String name, String kind, String tier, String region, List<String> capabilities,
            Map<String, String> willingness) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("creditCode", TestData.creditCode(region));
        body.put("kind", kind);
        body.put("tier", tier);
        body.put("regionCode", region);
        body.put("chains", List.of("HOME_APPLIANCES"));
        body.put("capabilities", capabilities);
        body.put("description", name + "：" + String.join("、", capabilities));
        body.put("willingness", willingness);
        StackClient.Reply reply = client.post(Service.REGISTRY, "/api/v1/enterprises", token, body);
        if (reply.status() != 201) {
            throw new IllegalStateException("Registering " + name + " failed: " + reply.status() + " " + reply.body());
        }
        return reply.body().get("id").asText();
    }

    private void publish(String token, String field, String title, List<String> capabilities, List<String> regions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("field", field);
        body.put("chain", "HOME_APPLIANCES");
        body.put("title", title);
        body.put("description", title + "，欢迎专精特新企业对接");
        body.put("requiredCapabilities", capabilities);
        body.put("regionCodes", regions);
        body.put("deadline", Instant.now().plus(60, ChronoUnit.DAYS).toString());
        // demand-service learns of the chain leader from the registry's event: retry until it has
        client.until(() -> client.post(Service.DEMAND, "/api/v1/demands", token, body), r -> r.status() == 201, Duration.ofSeconds(60));
    }
}
