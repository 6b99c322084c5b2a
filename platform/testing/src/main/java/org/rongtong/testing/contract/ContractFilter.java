package org.rongtong.testing.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every answer a test receives through rest-assured against the service's own OpenAPI document (ADR 0031) and
 * fails the request that broke it, naming the operation and the mismatch. Requests outside the document ({@code /q/…},
 * a path or method it does not list) pass unchecked: they reach no operation a client could be generated from.
 * {@code -Drongtong.contract=report} writes the mismatches to {@code target/openapi-contract.txt} instead of failing;
 * {@code -Drongtong.contract=off} turns the check off.
 */
public final class ContractFilter implements Filter {

    public static final ContractFilter INSTANCE = new ContractFilter();
    private static final Path REPORT = Path.of("target", "openapi-contract.txt");

    private final Map<String, OpenApiContract> contracts = new ConcurrentHashMap<>();

    private ContractFilter() {
    }

    static String mode() {
        return System.getProperty("rongtong.contract", "fail");
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext context) {
        Response response = context.next(request, responseSpec);
        // split by hand: a test may send what java.net.URI refuses (a raw space, a lone %)
        String uri = request.getURI();
        int authority = uri.indexOf("://");
        int slash = authority < 0 ? -1 : uri.indexOf('/', authority + 3);
        if (slash < 0 || "off".equals(mode())) {
            return response;
        }
        String path = uri.substring(slash).split("[?#]", 2)[0];
        if (path.startsWith("/q/")) {
            return response;
        }
        String base = uri.substring(0, slash);
        OpenApiContract contract = contracts.computeIfAbsent(base, b -> OpenApiContract.fetch(URI.create(b)));
        contract.operation(request.getMethod(), path).ifPresent(op -> {
            String body = response.asString();
            List<String> mismatches = contract.mismatches(op, response.statusCode(), response.contentType(), body);
            if (!mismatches.isEmpty()) {
                String message = op.id() + " (" + request.getMethod() + " " + op.path() + ") answered " + response.statusCode()
                        + " against its OpenAPI document:\n  " + String.join("\n  ", mismatches) + "\n  body: " + abbreviate(body);
                fail(message);
            }
        });
        return response;
    }

    private static void fail(String message) {
        if ("report".equals(mode())) {
            try {
                Files.createDirectories(REPORT.getParent());
                Files.writeString(REPORT, message + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        throw new AssertionError(message);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }
}
