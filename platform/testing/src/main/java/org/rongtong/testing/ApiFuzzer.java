package org.rongtong.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

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
 * <p>
 * This class sends the cases and judges the answers; {@link OpenApiDocument} reads the operations,
 * {@link FuzzCaseGenerator} builds each operation's cases, {@link BodyBreaker} their bodies, from {@link HostileValues}.
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
    private static final Pattern LEAK = Pattern.compile(
            "(?:\\b(?:java|javax|jakarta|org\\.rongtong|org\\.hibernate|org\\.jboss|com\\.fasterxml|io\\.quarkus|io\\.vertx|io\\.smallrye)\\.[a-z]"
                    + "|Exception\\b|\\tat |\\bat [a-z]+\\.[a-z]+\\.[A-Za-z]+\\(|StreamReadConstraints|record class|\\bclass [a-z]+\\.)");

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
        OpenApiDocument openApi = new OpenApiDocument(read(get(base.resolve("/q/openapi?format=json"), null).body()));
        List<OpenApiDocument.Operation> operations = openApi.operations();
        if (operations.isEmpty()) {
            throw new IllegalStateException("The OpenAPI document lists no operations");
        }
        Random random = new Random(seed);
        int perOperation = Math.max(1, requests / (operations.size() * who.size()));
        List<FuzzCase> cases = new ArrayList<>();
        for (OpenApiDocument.Operation op : operations) {
            FuzzCaseGenerator generator = new FuzzCaseGenerator(openApi, op, random, knownIds);
            int count = Math.max(perOperation, generator.sweep.size() + 10);
            for (int i = 0; i < count; i++) {
                cases.add(generator.next(i));
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Semaphore slots = new Semaphore(parallelism);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        int sent = 0;
        for (FuzzCase c : cases) {
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

    private int check(FuzzCase c, Role role, HttpResponse<InputStream> response, Throwable failure, ConcurrentLinkedQueue<Finding> findings) {
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

    static String shorten(String text, int max) {
        String flat = text.replace("\n", "\\n");
        return flat.length() <= max ? flat : flat.substring(0, max) + "…(" + flat.length() + " chars)";
    }
}
