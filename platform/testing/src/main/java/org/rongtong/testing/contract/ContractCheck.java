package org.rongtong.testing.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Puts {@link ContractFilter} in front of rest-assured for every {@code @QuarkusTest} of a service that has this module
 * on its test classpath: Quarkus finds this callback by its service file, no test has to ask for it.
 */
public class ContractCheck implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(ContractFilter.INSTANCE)) {
            RestAssured.filters(ContractFilter.INSTANCE);
        }
    }
}
