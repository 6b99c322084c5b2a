package org.rongtong.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rongtong.testing.Api;
import org.rongtong.testing.TestData;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Valid profiles and shortcuts the registry tests share. */
final class RegistryTestSupport {

    private RegistryTestSupport() {
    }

    static Map<String, Object> profile(String creditCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "青岛精工模具有限公司");
        body.put("englishName", "Qingdao Precision Mould Co., Ltd.");
        body.put("creditCode", creditCode);
        body.put("kind", "SME");
        body.put("tier", "SPECIALIZED_SME");
        body.put("tierLevel", "PROVINCIAL");
        body.put("tierYear", 2024);
        body.put("tierValidUntil", "2027-12-31");
        body.put("regionCode", "370211");
        body.put("chains", List.of("HOME_APPLIANCES"));
        body.put("capabilities", List.of(" 精密注塑 ", "ＡＢＳ 改性", "精密注塑"));
        body.put("description", "家电结构件精密注塑与模具开发");
        body.put("products", "洗衣机内桶、空调面板");
        body.put("certifications", List.of("ISO 9001", "高新技术企业"));
        body.put("willingness", Map.of("PRODUCT_SUPPORTING", "STRONG", "TECH_RND", "OPEN"));
        body.put("employees", 320);
        body.put("revenue", 125000000);
        body.put("yearFounded", 2009);
        body.put("contacts", List.of(Map.of("name", "王经理", "role", "销售总监", "phone", "13800138000", "email", "wang@example.cn")));
        return body;
    }

    static Map<String, Object> profile() {
        return profile(TestData.creditCode("370211"));
    }

    static Response register(Map<String, Object> body) {
        return Api.asPartner().contentType(ContentType.JSON).body(body).when().post("/api/v1/enterprises");
    }

    static String registered(Map<String, Object> body) {
        return register(body).then().statusCode(201).extract().path("id");
    }
}
