package org.rongtong.registry;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.rongtong.registry.RegistryTestSupport.profile;
import static org.rongtong.registry.RegistryTestSupport.register;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rongtong.testing.Api;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TestData;
import org.rongtong.web.validation.CreditCode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ProfileValidationTest {

    /** A fresh valid code, then the code mutated as each case says. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "wrong organisation-code check, org, organisation code",
            "wrong final check character, final, check character",
            "letter outside the alphabet (O), alphabet, not allowed",
            "seventeen characters, short, 18 characters",
            "nineteen characters, long, 18 characters",
            "lower case, lower, not allowed",
    })
    void aBadCreditCodeIsRejectedWithItsReason(String name, String mutation, String reason) {
        String valid = TestData.creditCode("370211");
        String code = switch (mutation) {
            // the final check recomputed, so that only the organisation code's own check fails
            case "org" -> recomputeFinal(valid.substring(0, 16) + (valid.charAt(16) == '0' ? '1' : '0'));
            case "final" -> valid.substring(0, 17) + (valid.charAt(17) == 'A' ? 'B' : 'A');
            case "alphabet" -> valid.substring(0, 9) + "O" + valid.substring(10);
            case "short" -> valid.substring(0, 17);
            case "long" -> valid + "0";
            default -> "91350100m000100y43";
        };
        register(profile(code)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("creditCode"))
                .body("errors.find { it.field == 'creditCode' }.message", containsString(reason));
    }

    private static String recomputeFinal(String seventeen) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(seventeen.charAt(i)) * weights[i];
        }
        int check = 31 - sum % 31;
        return seventeen + alphabet.charAt(check == 31 ? 0 : check);
    }

    @Test
    void theStandardsWorkedExampleIsAccepted() {
        // 91350100M000100Y43 may already be registered by another test run in this database: 201 or 409, never 400
        int status = register(profile("91350100M000100Y43")).then().extract().statusCode();
        org.junit.jupiter.api.Assertions.assertTrue(status == 201 || status == 409, "status " + status);
    }

    @Test
    void unknownRegionTierAndChainCodesAreNamed() {
        Map<String, Object> body = profile();
        body.put("regionCode", "379999");
        body.put("tier", "GIANT_PANDA");
        body.put("chains", List.of("HOME_APPLIANCES", "NO_SUCH_CHAIN"));
        register(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("regionCode"))
                .body("errors.field", hasItem("tier"))
                .body("errors.field", hasItem("chains[1]"));
    }

    @Test
    void overLongFieldsAreRejectedOnePerField() {
        Map<String, Object> body = profile();
        body.put("name", "名".repeat(201));
        body.put("description", "长".repeat(4001));
        body.put("products", "品".repeat(2001));
        body.put("capabilities", java.util.Collections.nCopies(51, "注塑"));
        register(body).then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("description"))
                .body("errors.field", hasItem("products"))
                .body("errors.field", hasItem("capabilities"));
    }

    @Test
    void badPhoneAndEmailAreRejected() {
        Map<String, Object> body = profile();
        body.put("contacts", List.of(Map.of("name", "王经理", "phone", "12345", "email", "not-an-address")));
        register(body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contacts[0].phone"))
                .body("errors.field", hasItem("contacts[0].email"));
    }

    @Test
    void landlinesAndMobilesAreAccepted() {
        Map<String, Object> body = profile();
        body.put("contacts", List.of(Map.of("name", "王经理", "phone", "0532-88886666", "email", "wang@example.cn"),
                Map.of("name", "李工", "phone", "+86 13912345678")));
        String id = register(body).then().statusCode(201).extract().path("id");
        Api.asOperator().when().get("/api/v1/enterprises/" + id)
                .then().statusCode(200).body("contacts[1].phone", equalTo("+86 13912345678"));
    }
}
