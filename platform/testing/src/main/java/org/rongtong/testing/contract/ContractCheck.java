package org.rongtong.testing.contract;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Puts {@link ContractFilter} in front of rest-assured for every {@code @QuarkusTest} of a service that has this module
 * on its test classpath: Quarkus finds this callback by its service file, no test has to ask for it.
 */
public class ContractCheck implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        List<Filter> filters = RestAssured.filters();
        if (filters.contains(ContractFilter.INSTANCE)) {
            return;
        }
        // one left by an application started in another class loader (another test profile) gives way to this one
        List<Filter> others = new ArrayList<>(filters);
        others.removeIf(f -> f.getClass().getName().equals(ContractFilter.class.getName()));
        others.add(ContractFilter.INSTANCE);
        RestAssured.replaceFiltersWith(others);
    }
}
