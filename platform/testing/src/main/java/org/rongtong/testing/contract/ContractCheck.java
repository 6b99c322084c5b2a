package org.rongtong.testing.contract;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Puts {@link ContractFilter} in front of rest-assured for every {@code @QuarkusTest} of a service that has this module
 * on its test classpath: Quarkus finds this callback by its service file, no test has to ask for it. A module whose
 * tests do not use rest-assured (the platform modules' own) has nothing to check.
 */
public class ContractCheck implements QuarkusTestBeforeEachCallback {

    private static final boolean REST_ASSURED = present("io.restassured.RestAssured");

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (REST_ASSURED) {
            Install.filter();
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ContractCheck.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Touches rest-assured only when it is there: a class of its own, so that loading the callback never needs it. */
    private static final class Install {

        static void filter() {
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
}
