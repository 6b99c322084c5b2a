package org.rongtong.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A deterministic fuzzer driven by a service's own OpenAPI document ({@code /q/openapi?format=json}). For every
 * operation it sends malformed, oversized, wrongly typed and unicode-hostile path, query and header values, bodies
 * and content types, each with every role's token and with none, and records every answer that breaks the API's
 * contract: a 5xx, a 4xx that is not {@code application/problem+json} (or whose {@code status} differs, or that names
 * Java types or exception text), or no answer at all.
 * <p>
 * Every request is built to be refused: a path parameter is a fresh random UUID or garbage (an id the caller passes
 * with {@link #knownIds} is used on GETs only), and bodies start from a baseline that fails validation (strings
 * "fuzz", dates in 2000) before one part is broken further. A change of state afterwards is therefore a finding too;
 * see {@link #snapshot}.
 */
public final class ApiFuzzer {

    /** A role to send requests as; {@code token} null sends no Authorization header. */
    public record Role(String role, String token) {
    }

    /** One answer that broke the contract. */
    public record Finding(String operation, String request, String role, int status, String contentType, String problem, String body) {
        @Override
        public String toString() {
            return operation + " as " + role + ": " + problem + " (" + status + " " + contentType + ")\n    request: "
                    + request + "\n    answer:  " + body;
        }
    }

    /** What a run did: how many requests, the statuses seen, and the findings. */
    public record Report(int requests, Map<Integer, Integer> statuses, List<Finding> findings, long millis) {

        /** The findings, one per operation and problem, for a failure message. */
        public String summary() {
            Map<String, Finding> first = new LinkedHashMap<>();
            Map<String, Integer> counts = new TreeMap<>();
            for (Finding f : findings) {
                String key = f.operation() + " | " + f.problem() + " | " + f.status();
                first.putIfAbsent(key, f);
                counts.merge(key, 1, Integer::sum);
            }
            StringBuilder text = new StringBuilder(findings.size() + " finding(s) in " + requests + " requests; statuses " + statuses);
            first.forEach((key, f) -> text.append("\n[").append(counts.get(key)).append("x] ").append(f));
            return text.toString();
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern LEAK = Pattern.compile(
            "(?:\\b(?:java|javax|jakarta|org\\.rongtong|org\\.hibernate|org\\.jboss|com\\.fasterxml|io\\.quarkus|io\\.vertx|io\\.smallrye)\\.[a-z]"
                    + "|Exception\\b|\\tat |\\bat [a-z]+\\.[a-z]+\\.[A-Za-z]+\\(|StreamReadConstraints|record class|\\bclass [a-z]+\\.)");

    /** Strings that have broken parsers, databases, logs and terminals. */
    static final List<String> HOSTILE = List.of(
            "", " ", "\t\n", "\u202Eevil\u202C.exe", "a\u0000b", "\u0000", "\uD800", "x\uDC00y", "\uDBFF\uDFFF", "\uFEFFbom",
            "\uFFFE\uFFFF", "\u200B\u200D\u2060", "e\u0301\u0301\u0301\u0301\u0301\u0301", "👨‍👩‍👧‍👦🇨🇳", "𠜎𠜱𠝹𠱓", "\u0085\u2028\u2029",
            "a\r\nX-Injected: 1", "' OR '1'='1' --", "\"; DROP TABLE enterprise; --", "${jndi:ldap://127.0.0.1/a}", "%s%n%x",
            "<script>alert(1)</script>", "../../../../etc/passwd", "..", ".", "%00", "%2e%2e%2f", "\\u0000", "null", "NaN",
            "-0", "1e999", "0x1F", "9".repeat(400), "-" + "9".repeat(60), "１２３", "٣٤٥", "中华人民共和国".repeat(3), "\u0007\u001B[31m");
    private static final List<String> ASCII_HOSTILE = List.of("", " ", "x", "*", "W/\"x\"", "\"" + "9".repeat(40) + "\"", "-1",
            "\"-1\"", "%00", "../..", "' OR 1=1", "9".repeat(8000), "a\tb", "\"\"", ",", "W/", "\"1\", \"2\"", "null");
    /** Percent-encoded bytes that decode to NUL, to no valid UTF-8, to an encoded surrogate, to an overlong slash. */
    private static final List<String> RAW_ENCODED = List.of("%00", "%FF", "%ED%A0%80", "%C0%AF", "%C3%28", "%E2%80%AE", "%F4%90%80%80",
            "%2F", "%2F..%2F..", "%25", "%0D%0AX:1");
    /** Every parameter of every operation gets each of these once, before the random cases (percent-encoded already). */
    private static final List<String> SWEEP = List.of("%00", "%FF", "%ED%A0%80", "9".repeat(400), "NOPE", "", "%E2%80%AEevil",
            "%F0%9F%91%A8%E2%80%8D%F0%9F%91%A9", "-1", "%2F..%2F", "a%0D%0Ab", "%EF%BB%BF1");
    private static final List<String> WHOLE_BODIES = List.of("", " ", "null", "[]", "{}", "[null]", "0", "-1", "true", "\"fuzz\"",
            "{", "{\"a\":", "[1,2", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "{/*c*/}", "NaN", "\uFEFF{}", "{\"a\":\"\\uZZZZ\"}",
            "{\"a\":\"\\ud800\"}", "{\"__proto__\":{\"x\":1}}", "<x/>", "a=1&b=2", "{\"a\":1}{\"b\":2}", "\u0000");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data", "application/json; charset=UTF-16", "application/json; charset=nonsense", "*/*", "application/",
            "application/octet-stream", "text/csv");

    private final URI base;
    private long seed = 1;
    private int requests = 2000;
    private int parallelism = 4;
    private Duration timeout = Duration.ofSeconds(15);
    private List<Role> roles;
    private final List<String> knownIds = new ArrayList<>();
    private UUID enterpriseId = UUID.randomUUID();

    private ApiFuzzer(URI base) {
        this.base = base;
    }

    /** A fuzzer against the service at {@code base} (such as {@code http://localhost:8081/}). */
    public static ApiFuzzer against(URI base) {
        return new ApiFuzzer(base);
    }

    public ApiFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Roughly how many requests to send in all; each case goes out once per role. */
    public ApiFuzzer requests(int requests) {
        this.requests = requests;
        return this;
    }

    public ApiFuzzer parallelism(int parallelism) {
        this.parallelism = parallelism;
        return this;
    }

    /** The enterprise the {@code enterprise} token names (a random one unless set). */
    public ApiFuzzer enterpriseId(UUID enterpriseId) {
        this.enterpriseId = enterpriseId;
        return this;
    }

    /** Ids that exist, to use as path values of GET operations (never of writes). */
    public ApiFuzzer knownIds(Object... ids) {
        for (Object id : ids) {
            knownIds.add(id.toString());
        }
        return this;
    }

    public ApiFuzzer roles(List<Role> roles) {
        this.roles = roles;
        return this;
    }

    /** The four roles' development tokens and no token. */
    public static List<Role> everyRole(UUID enterpriseId) {
        return List.of(new Role("enterprise", DevTokens.enterprise(enterpriseId)), new Role("bureau", DevTokens.bureau("37")),
                new Role("partner", DevTokens.partner()), new Role("operator", DevTokens.operator()), new Role("anonymous", null));
    }

    /** Sends the cases and checks every answer. */
    public Report run() {
        long started = System.currentTimeMillis();
        List<Role> who = roles != null ? roles : everyRole(enterpriseId);
        JsonNode openApi = read(get(base.resolve("/q/openapi?format=json"), null).body());
        List<Operation> operations = operations(openApi);
        if (operations.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document lists no operations");
        }
        Random random = new Random(seed);
        int perOperation = Math.max(1, requests / (operations.size() * who.size()));
        List<Case> cases = new ArrayList<>();
        for (Operation op : operations) {
            Generator generator = new Generator(openApi, op, random);
            int count = Math.max(perOperation, generator.sweep.size() + 10);
            for (int i = 0; i < count; i++) {
                cases.add(generator.next(i));
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(parallelism);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        int sent = 0;
        for (Case c : cases) {
            for (Role role : who) {
                HttpRequest request;
                try {
                    request = c.request(base, role, timeout);
                } catch (IllegalArgumentException e) {
                    continue; // a value the HTTP client itself refuses to send
                }
                slots.acquireUninterruptibly();
                sent++;
                pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                        .handle((response, failure) -> {
                            try {
                                int status = check(c, role, response, failure, findings);
                                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            } finally {
                                slots.release();
                            }
                            return null;
                        }));
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, n) -> counted.put(status, n.get()));
        return new Report(sent, counted, List.copyOf(findings), System.currentTimeMillis() - started);
    }

    private int check(Case c, Role role, HttpResponse<InputStream> response, Throwable failure, ConcurrentLinkedQueue<Finding> findings) {
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (!(cause instanceof HttpTimeoutException && c.op.streams())) {
                findings.add(new Finding(c.op.toString(), c.describe(), role.role(), 0, "", "no answer: " + cause, ""));
            }
            return 0;
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body;
        try (InputStream in = response.body()) {
            // an event stream that opened stays open: its headers are the answer
            body = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "<unreadable: " + e + ">";
        }
        String problem = problem(status, type, body);
        if (problem != null) {
            findings.add(new Finding(c.op.toString(), c.describe(), role.role(), status, type, problem, shorten(body, 600)));
        }
        return status;
    }

    /** What is wrong with this answer, or null. */
    static String problem(int status, String contentType, String body) {
        if (status >= 500) {
            return "server error";
        }
        if (status < 400) {
            return null;
        }
        if (!contentType.startsWith("application/problem+json")) {
            return "a 4xx that is not application/problem+json";
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (IOException e) {
            return "a problem+json body that is not JSON";
        }
        if (problem == null || problem.path("status").asInt() != status) {
            return "a problem whose status is not the HTTP status";
        }
        if (LEAK.matcher(body).find()) {
            return "a problem that names Java types or exception text";
        }
        return null;
    }

    /** Status and body of each GET, to compare before and after a run: a refused request leaves nothing behind. */
    public static Map<String, String> snapshot(URI base, String token, String... paths) {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : paths) {
            HttpResponse<String> response = get(base.resolve(path), token);
            state.put(path, response.statusCode() + " " + response.body());
        }
        return state;
    }

    private static HttpResponse<String> get(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + shorten(json, 200), e);
        }
    }

    private static String shorten(String text, int max) {
        String flat = text.replace("\n", "\\n");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + " chars)";
    }

    // ---- the OpenAPI document

    /** An operation: its method, path template, parameters and the JSON schema of its body (or none). */
    record Operation(String method, String path, List<JsonNode> parameters, String bodyType, JsonNode bodySchema, boolean streams) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static List<Operation> operations(JsonNode openApi) {
        List<Operation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                op.path("parameters").forEach(p -> parameters.add(resolve(openApi, p)));
                String bodyType = null;
                JsonNode bodySchema = null;
                JsonNode content = resolve(openApi, op.path("requestBody")).path("content");
                if (content.isObject() && content.size() > 0) {
                    bodyType = content.has("application/json") ? "application/json" : content.fieldNames().next();
                    bodySchema = content.path(bodyType).path("schema");
                }
                boolean streams = op.path("responses").toString().contains("text/event-stream");
                found.add(new Operation(method.getKey(), path.getKey(), parameters, bodyType, bodySchema, streams));
            }
        }
        found.sort((a, b) -> (a.path + a.method).compareTo(b.path + b.method));
        return found;
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode node) {
        for (int i = 0; i < 10 && node != null && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            JsonNode target = openApi;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        if (node != null && node.has("allOf") && !node.has("type") && !node.has("properties")) {
            return resolve(openApi, node.get("allOf").get(0));
        }
        return node;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return schema.has("enum") ? "string" : "object";
    }

    // ---- the cases

    /** One request to send, as each role. */
    private static final class Case {
        final Operation op;
        final String path;
        final String query;
        final Map<String, String> headers;
        final byte[] body;
        final String contentType;
        final String what;

        Case(Operation op, String path, String query, Map<String, String> headers, byte[] body, String contentType, String what) {
            this.op = op;
            this.path = path;
            this.query = query;
            this.headers = headers;
            this.body = body;
            this.contentType = contentType;
            this.what = what;
        }

        HttpRequest request(URI base, Role role, Duration timeout) {
            String target = base.toString().replaceAll("/$", "") + path + (query.isEmpty() ? "" : "?" + query);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target)).timeout(timeout);
            request.method(op.method.toUpperCase(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            if (role.token() != null) {
                request.header("Authorization", "Bearer " + role.token());
            }
            return request.build();
        }

        String describe() {
            String bodyText = body == null ? "" : " body " + shorten(new String(body, StandardCharsets.UTF_8), 200);
            return op.method.toUpperCase() + " " + shorten(path + (query.isEmpty() ? "" : "?" + query), 200) + " [" + what + "]"
                    + (contentType == null ? "" : " " + contentType) + (headers.isEmpty() ? "" : " " + shorten(headers.toString(), 100)) + bodyText;
        }
    }

    /** Builds an operation's cases: a baseline request with one part broken in one way. */
    private final class Generator {
        private final JsonNode openApi;
        private final Operation op;
        private final Random random;

        /** Parameter × value pairs sent first: each parameter meets each of {@link #SWEEP}. */
        final List<String[]> sweep = new ArrayList<>();

        Generator(JsonNode openApi, Operation op, Random random) {
            this.openApi = openApi;
            this.op = op;
            this.random = random;
            for (JsonNode p : op.parameters()) {
                String in = p.path("in").asText();
                if (in.equals("path") || in.equals("query")) {
                    SWEEP.forEach(value -> sweep.add(new String[] {in, p.path("name").asText(), value}));
                }
            }
        }

        Case next(int index) {
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
                            query.add(new String[] {name, enc(sample(resolve(openApi, p.path("schema")), 0).asText())});
                        }
                    }
                    case "header" -> headerParams.add(p);
                    default -> {
                    }
                }
            }
            ObjectHolder body = new ObjectHolder();
            body.node = op.bodySchema() == null ? null : sample(resolve(openApi, op.bodySchema()), 0);
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
                case "field" -> what = "field " + breakField(body);
                case "whole" -> {
                    raw = wholeBody();
                    what = "whole body";
                }
                case "content-type" -> {
                    contentType = random.nextInt(4) == 0 ? null : pick(CONTENT_TYPES);
                    what = "content type";
                }
                case "stray-body" -> {
                    raw = wholeBody();
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
                raw = serialise(body.node);
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
            return new Case(op, pathText, queryText.toString(), headers, raw, raw == null && !"content-type".equals(kind) ? null : contentType, what);
        }

        /** A path value that exists nowhere (or, on a GET, sometimes one the test made). */
        private String pathBaseline(JsonNode p) {
            if (op.method().equals("get") && !knownIds.isEmpty() && random.nextBoolean()) {
                return enc(pick(knownIds));
            }
            JsonNode schema = resolve(openApi, p.path("schema"));
            return schema.path("format").asText().equals("uuid") ? new UUID(random.nextLong(), random.nextLong()).toString() : "fuzz";
        }

        /** A percent-encoded value of the wrong type, out of range, hostile or raw bytes. */
        private String badParameter(JsonNode p) {
            JsonNode schema = resolve(openApi, p.path("schema"));
            if (type(schema).equals("array")) {
                schema = resolve(openApi, schema.path("items"));
            }
            List<String> typed = new ArrayList<>(List.of("", "null", "fuzz", "-1", "0", "1.5", "true", "[]", "{}"));
            switch (type(schema)) {
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

        /** Breaks one place in the baseline body and says where. */
        private String breakField(ObjectHolder body) {
            List<String> places = new ArrayList<>();
            List<JsonNode> parents = new ArrayList<>();
            collect(body.node, "", places, parents);
            if (places.isEmpty()) {
                body.node = wrongValue(null);
                return "(root)";
            }
            int i = random.nextInt(places.size());
            JsonNode parent = parents.get(i);
            String place = places.get(i);
            if (parent instanceof ObjectNode object) {
                String name = place.substring(place.lastIndexOf('.') + 1);
                switch (random.nextInt(8)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set("unknown" + random.nextInt(100), wrongValue(null));
                    default -> object.set(name, wrongValue(object.get(name)));
                }
            } else if (parent instanceof ArrayNode array) {
                int at = Integer.parseInt(place.substring(place.lastIndexOf('[') + 1, place.length() - 1));
                array.set(at, wrongValue(array.get(at)));
            }
            return place;
        }

        private void collect(JsonNode node, String prefix, List<String> places, List<JsonNode> parents) {
            if (node instanceof ObjectNode object) {
                object.fieldNames().forEachRemaining(name -> {
                    places.add(prefix.isEmpty() ? name : prefix + "." + name);
                    parents.add(object);
                    collect(object.get(name), prefix.isEmpty() ? name : prefix + "." + name, places, parents);
                });
            } else if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    places.add(prefix + "[" + i + "]");
                    parents.add(array);
                    collect(array.get(i), prefix + "[" + i + "]", places, parents);
                }
            }
        }

        /** A value of another type, null, an array with nulls, hostile or huge text, or a raw fragment spliced in later. */
        private JsonNode wrongValue(JsonNode current) {
            return switch (random.nextInt(12)) {
                case 0 -> NODES.nullNode();
                case 1 -> pick(List.of(NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(2147483648L), NODES.numberNode(1.5e308),
                        NODES.numberNode(-0.0), new DecimalNode(new java.math.BigDecimal("9".repeat(400)))));
                case 2 -> NODES.booleanNode(random.nextBoolean());
                case 3 -> pick(List.of(NODES.arrayNode(), NODES.arrayNode().addNull(), NODES.arrayNode().add("x").addNull(),
                        NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode()))));
                case 4 -> pick(List.of(NODES.objectNode(), NODES.objectNode().putNull("a"), NODES.objectNode().set("a", NODES.objectNode())));
                case 5, 6, 7 -> TextNode.valueOf(pick(HOSTILE));
                case 8 -> TextNode.valueOf(pick(List.of("A".repeat(100_000), "界".repeat(40_000), "\u202E".repeat(5_000))));
                case 9 -> TextNode.valueOf(RAW_MARK + random.nextInt(RAW_FRAGMENTS.size()) + "@@");
                case 10 -> current != null && current.isArray() ? hugeArray() : TextNode.valueOf(pick(HOSTILE));
                default -> current != null && current.isTextual() ? NODES.arrayNode().add(current).addNull() : NODES.arrayNode().addNull();
            };
        }

        private ArrayNode hugeArray() {
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < 5_000; i++) {
                array.add(random.nextBoolean() ? NODES.nullNode() : TextNode.valueOf("x" + i));
            }
            return array;
        }

        private byte[] wholeBody() {
            return switch (random.nextInt(6)) {
                case 0 -> "[".repeat(3_000).getBytes(StandardCharsets.US_ASCII);
                case 1 -> ("{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000)).getBytes(StandardCharsets.US_ASCII);
                case 2 -> {
                    byte[] broken = "{\"name\":\"\u00ff\u00fe\u00c3\u0028\"}".getBytes(StandardCharsets.ISO_8859_1);
                    yield broken; // bytes that are not UTF-8
                }
                default -> pick(WHOLE_BODIES).getBytes(StandardCharsets.UTF_8);
            };
        }

        private byte[] serialise(JsonNode node) {
            try {
                String text = (random.nextBoolean() ? ESCAPING : JSON).writeValueAsString(node);
                for (int i = 0; i < RAW_FRAGMENTS.size(); i++) {
                    text = text.replace("\"" + RAW_MARK + i + "@@\"", RAW_FRAGMENTS.get(i));
                }
                return text.getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A baseline value: the right JSON type, but strings "fuzz", dates in 2000 and ids that exist nowhere. */
        private JsonNode sample(JsonNode schema, int depth) {
            schema = resolve(openApi, schema);
            if (schema == null || depth > 5) {
                return NODES.nullNode();
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0);
            }
            return switch (type(schema)) {
                case "string" -> switch (schema.path("format").asText()) {
                    case "uuid" -> TextNode.valueOf(new UUID(random.nextLong(), random.nextLong()).toString());
                    case "date" -> TextNode.valueOf("2000-01-01");
                    case "date-time" -> TextNode.valueOf("2000-01-01T00:00:00Z");
                    default -> TextNode.valueOf("fuzz");
                };
                case "integer" -> NODES.numberNode(1);
                case "number" -> NODES.numberNode(1.5);
                case "boolean" -> NODES.booleanNode(false);
                case "array" -> NODES.arrayNode().add(sample(schema.path("items"), depth + 1));
                default -> {
                    ObjectNode object = NODES.objectNode();
                    schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), sample(p.getValue(), depth + 1)));
                    yield object;
                }
            };
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }
    }

    private static final String RAW_MARK = "@@RAW";
    /** JSON a tree cannot hold: nesting past the parser's limit, numbers Jackson refuses, duplicate keys. */
    private static final List<String> RAW_FRAGMENTS = List.of("[".repeat(1_500) + "]".repeat(1_500),
            "{\"a\":".repeat(1_200) + "0" + "}".repeat(1_200), "1" + "0".repeat(2_000), "NaN", "-Infinity", "01", "1e99999", "0x10",
            "{\"a\":1,\"a\":2}", "\"\\ud800\"", "\"\\u0000\"", "\"\\uDFFF\\uD800\"");

    private static final class ObjectHolder {
        JsonNode node;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
