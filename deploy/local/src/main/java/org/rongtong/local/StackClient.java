package org.rongtong.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON-over-HTTP client for the running stack, used by the demonstration loader and the end-to-end tests. */
public final class StackClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StackClient(LocalStack stack) {
        this.stack = stack;
    }

    public record Reply(int status, JsonNode body) {
    }

    /**
     * Registers an enterprise through registry-service with a new valid credit code of its region; returns its id, or
     * throws with the answer when the registry does not say 201.
     */
    public String registerEnterprise(String token, String name, String kind, String tier, String region, java.util.List<String> chains,
            java.util.List<String> capabilities, java.util.Map<String, String> willingness) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("creditCode", org.rongtong.testing.TestData.creditCode(region));
        body.put("kind", kind);
        body.put("tier", tier);
        body.put("regionCode", region);
        body.put("chains", chains);
        body.put("capabilities", capabilities);
        body.put("willingness", willingness);
        Reply reply = post(Service.REGISTRY, "/api/v1/enterprises", token, body);
        if (reply.status() != 201) {
            throw new IllegalStateException("Registering " + name + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.body().get("id").asText();
    }

    /** The service's base URL. */
    public String url(Service service) {
        return stack.url(service);
    }

    public Reply post(Service service, String path, String token, Object body) {
        return post(service, path, token, body, java.util.Map.of());
    }

    /** A POST with an If-Match header (an ETag such as {@code "2"}). */
    public Reply post(Service service, String path, String token, Object body, String ifMatch) {
        return post(service, path, token, body, java.util.Map.of("If-Match", ifMatch));
    }

    /** A JSON POST with extra headers (an {@code Idempotency-Key}, say). */
    public Reply post(Service service, String path, String token, Object body, java.util.Map<String, String> headers) {
        try {
            return postText(service, path, token, "application/json", JSON.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A POST of a body already written out, in the given media type (an NDJSON import, say). */
    public Reply postText(Service service, String path, String token, String contentType, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    public Reply get(Service service, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(stack.url(service) + path)).header("Authorization", "Bearer " + token).GET());
    }

    /** A GET on one replica of the service (the scale-out test asks each replica the same question). */
    public Reply get(Service service, int replica, String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(stack.url(service, replica) + path)).header("Authorization", "Bearer " + token).GET());
    }

    /** Repeats a call until its reply satisfies {@code done}: the services learn from each other through events. */
    public Reply until(java.util.function.Supplier<Reply> call, Predicate<Reply> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            sleep(250);
        }
        throw new IllegalStateException("Gave up after " + timeout + "; last reply " + (last == null ? "none" : last.status() + " " + last.body()));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body() == null || r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            return new Reply(r.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
