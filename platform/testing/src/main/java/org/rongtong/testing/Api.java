package org.rongtong.testing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.specification.RequestSpecification;

/**
 * A request to the service under test, made as one caller with a development token: {@code Api.asOperator().get(...)}
 * reads as who asks for what. The token kinds are those of {@link DevTokens}.
 */
public final class Api {

    private Api() {
    }

    /** As the holder of this bearer token. */
    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    public static RequestSpecification asOperator() {
        return as(DevTokens.operator());
    }

    /** As the enterprise itself (its own account). */
    public static RequestSpecification asEnterprise(UUID enterprise) {
        return as(DevTokens.enterprise(enterprise));
    }

    /** As a bureau that oversees the region with this code prefix. */
    public static RequestSpecification asBureau(String regionPrefix) {
        return as(DevTokens.bureau(regionPrefix));
    }

    /** As a partner system granted to act for these enterprises. */
    public static RequestSpecification asPartner(UUID... actsFor) {
        return as(DevTokens.partner(actsFor));
    }

    /** As another partner system, by its subject, granted nothing. */
    public static RequestSpecification asPartner(String subject) {
        return as(DevTokens.partner(subject));
    }

    /** As a partner system with its own subject, granted to act for these enterprises. */
    public static RequestSpecification asPartner(String subject, UUID... actsFor) {
        return as(DevTokens.partner(subject, actsFor));
    }
}
