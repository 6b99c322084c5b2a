package org.rongtong.testing;

import static org.rongtong.testing.HostileValues.ASCII_HOSTILE;
import static org.rongtong.testing.HostileValues.CONTENT_TYPES;
import static org.rongtong.testing.HostileValues.HOSTILE;
import static org.rongtong.testing.HostileValues.RAW_ENCODED;
import static org.rongtong.testing.HostileValues.SWEEP;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** Builds an operation's cases: a baseline request with one part broken in one way. */
final class FuzzCaseGenerator {

    private final OpenApiDocument openApi;
    private final OpenApiDocument.Operation op;
    private final Random random;
    private final List<String> knownIds;
    private final BodyBreaker bodies;

    /** Parameter × value pairs sent first: each parameter meets each of {@link HostileValues#SWEEP}. */
    final List<String[]> sweep = new ArrayList<>();

    /** {@code knownIds} exist: a GET may name one in its path (a write never does). */
    FuzzCaseGenerator(OpenApiDocument openApi, OpenApiDocument.Operation op, Random random, List<String> knownIds) {
        this.openApi = openApi;
        this.op = op;
        this.random = random;
        this.knownIds = knownIds;
        this.bodies = new BodyBreaker(openApi, random);
        for (JsonNode p : op.parameters()) {
            String in = p.path("in").asText();
            if (in.equals("path") || in.equals("query")) {
                SWEEP.forEach(value -> sweep.add(new String[] {in, p.path("name").asText(), value}));
            }
        }
    }

    FuzzCase next(int index) {
        Map<String, String> path = new LinkedHashMap<>();
        List<String[]> query = new ArrayList<>();
        Map<String, String> headers = new LinkedHashMap<>();
        List<JsonNode> pathParams = new ArrayList<>();
        List<JsonNode> queryParams = new ArrayList<>();
        List<JsonNode> headerParams = new ArrayList<>();
        for (JsonNode p : op.parameters()) {
            String in = p.path("in").asText();
            String name = p.path("name").asText();
            switch (in) {
                case "path" -> {
                    pathParams.add(p);
                    path.put(name, pathBaseline(p));
                }
                case "query" -> {
                    queryParams.add(p);
                    if (p.path("required").asBoolean()) {
                        query.add(new String[] {name, enc(bodies.sample(openApi.resolve(p.path("schema")), 0).asText())});
                    }
                }
                case "header" -> headerParams.add(p);
                default -> {
                }
            }
        }
        BodyBreaker.Body body = new BodyBreaker.Body();
        body.node = op.bodySchema() == null ? null : bodies.sample(openApi.resolve(op.bodySchema()), 0);
        String contentType = op.bodyType();
        String what;
        List<String> kinds = new ArrayList<>();
        if (!pathParams.isEmpty()) {
            kinds.add("path");
        }
        if (!queryParams.isEmpty()) {
            kinds.add("query");
            kinds.add("query");
        }
        if (!headerParams.isEmpty()) {
            kinds.add("header");
        }
        if (op.bodySchema() != null) {
            kinds.addAll(List.of("field", "field", "field", "field", "whole", "whole", "content-type"));
        } else {
            kinds.add("stray-body");
        }
        kinds.add("accept");
        kinds.add("unknown-query");
        String kind = index == 0 && op.bodySchema() == null && pathParams.isEmpty() && queryParams.isEmpty() ? "none" : pick(kinds);
        if (index < sweep.size()) {
            kind = "sweep";
        }
        byte[] raw = null;
        switch (kind) {
            case "sweep" -> {
                String[] entry = sweep.get(index);
                if (entry[0].equals("path")) {
                    path.put(entry[1], entry[2].isEmpty() ? "%20" : entry[2]);
                } else {
                    query.removeIf(q -> q[0].equals(entry[1]));
                    query.add(new String[] {entry[1], entry[2]});
                }
                what = entry[0] + " " + entry[1];
            }
            case "path" -> {
                JsonNode p = pick(pathParams);
                String value = badParameter(p);
                path.put(p.path("name").asText(), value);
                what = "path " + p.path("name").asText();
            }
            case "query" -> {
                JsonNode p = pick(queryParams);
                String name = p.path("name").asText();
                query.removeIf(q -> q[0].equals(name));
                query.add(new String[] {name, badParameter(p)});
                if (random.nextInt(5) == 0) {
                    query.add(new String[] {name, badParameter(p)});
                }
                what = "query " + name;
            }
            case "header" -> {
                JsonNode p = pick(headerParams);
                headers.put(p.path("name").asText(), pick(ASCII_HOSTILE));
                what = "header " + p.path("name").asText();
            }
            case "field" -> what = "field " + bodies.breakField(body);
            case "whole" -> {
                raw = bodies.wholeBody();
                what = "whole body";
            }
            case "content-type" -> {
                contentType = random.nextInt(4) == 0 ? null : pick(CONTENT_TYPES);
                what = "content type";
            }
            case "stray-body" -> {
                raw = bodies.wholeBody();
                contentType = random.nextBoolean() ? "application/json" : pick(CONTENT_TYPES);
                what = "stray body";
            }
            case "accept" -> {
                headers.put("Accept", pick(List.of("application/xml", "text/html", "image/png", "application/json;q=0", "nonsense")));
                what = "accept";
            }
            case "unknown-query" -> {
                query.add(new String[] {enc(pick(HOSTILE)), enc(pick(HOSTILE))});
                what = "unknown query parameter";
            }
            default -> what = "baseline";
        }
        if (raw == null && body.node != null) {
            raw = bodies.serialise(body.node);
        }
        String pathText = op.path();
        for (Map.Entry<String, String> p : path.entrySet()) {
            pathText = pathText.replace("{" + p.getKey() + "}", p.getValue());
        }
        StringBuilder queryText = new StringBuilder();
        for (String[] q : query) {
            if (queryText.length() > 0) {
                queryText.append('&');
            }
            queryText.append(enc(q[0])).append('=').append(q[1]);
        }
        return new FuzzCase(op, pathText, queryText.toString(), headers, raw, raw == null && !"content-type".equals(kind) ? null : contentType, what);
    }

    /** A path value that exists nowhere (or, on a GET, sometimes one the test made). */
    private String pathBaseline(JsonNode p) {
        if (op.method().equals("get") && !knownIds.isEmpty() && random.nextBoolean()) {
            return enc(pick(knownIds));
        }
        JsonNode schema = openApi.resolve(p.path("schema"));
        return schema.path("format").asText().equals("uuid") ? new UUID(random.nextLong(), random.nextLong()).toString() : "fuzz";
    }

    /** A percent-encoded value of the wrong type, out of range, hostile or raw bytes. */
    private String badParameter(JsonNode p) {
        JsonNode schema = openApi.resolve(p.path("schema"));
        if (OpenApiDocument.type(schema).equals("array")) {
            schema = openApi.resolve(schema.path("items"));
        }
        List<String> typed = new ArrayList<>(List.of("", "null", "fuzz", "-1", "0", "1.5", "true", "[]", "{}"));
        switch (OpenApiDocument.type(schema)) {
            case "integer", "number" -> typed.addAll(List.of("abc", "2147483648", "-2147483649", "9223372036854775808", "1e3", " 1",
                    "0x10", "10001", "100001", "101", "1000", "99999999999999999999", "+1", "1_000"));
            case "boolean" -> typed.addAll(List.of("maybe", "1", "yes", "TRUE "));
            default -> {
                if (schema.has("enum")) {
                    String first = schema.get("enum").get(0).asText();
                    typed.addAll(List.of("NOPE", first.toLowerCase(), " " + first, first + ",", first + first));
                }
                if (schema.path("format").asText().equals("uuid")) {
                    typed.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", new UUID(random.nextLong(), random.nextLong()) + "0",
                            "00000000000000000000000000000000", "{" + new UUID(random.nextLong(), random.nextLong()) + "}"));
                }
                if (schema.path("format").asText().startsWith("date")) {
                    typed.addAll(List.of("2025-02-30", "2025-13-01", "yesterday", "2025-06-30T25:00:00Z", "+999999999-12-31"));
                }
            }
        }
        return switch (random.nextInt(4)) {
            case 0, 1 -> enc(pick(typed));
            case 2 -> enc(pick(HOSTILE));
            default -> pick(RAW_ENCODED);
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
