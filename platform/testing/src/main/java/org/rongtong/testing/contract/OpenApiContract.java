package org.rongtong.testing.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * A service's own OpenAPI document, as a judge of the answers it gives: is the status listed for the operation, is the
 * content type one the answer declares, does the body match its schema (docs/adr/0031). Read once per running service.
 */
public final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One documented operation: its path pattern and its part of the document. */
    record Operation(String id, String method, String path, Pattern pattern, int templates, JsonNode node) {
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    OpenApiContract(JsonNode document) {
        this.document = document;
        document.path("paths").fields().forEachRemaining(path -> METHODS.forEach(method -> {
            JsonNode op = path.getValue().get(method);
            if (op != null) {
                String template = path.getKey();
                String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q");
                operations.add(new Operation(op.path("operationId").asText(method + " " + template), method, template,
                        Pattern.compile(regex), template.split("\\{", -1).length - 1, op));
            }
        }));
    }

    /** The document the service at {@code base} (scheme, host and port) serves. */
    public static OpenApiContract fetch(URI base) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(base + "/q/openapi answered " + answer.statusCode());
            }
            return new OpenApiContract(JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document of " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The operation a request reached; a literal segment wins over a template ({@code /imports} over {@code /{id}}). */
    Optional<Operation> operation(String method, String path) {
        String m = method.toLowerCase(Locale.ROOT);
        return operations.stream().filter(o -> o.method().equals(m) && o.pattern().matcher(path).matches())
                .min((a, b) -> Integer.compare(a.templates(), b.templates()));
    }

    /**
     * What is wrong with an answer, if anything: the status, the content type or the body against the schema.
     * Empty when the answer is one the document promises.
     */
    List<String> mismatches(Operation op, int status, String contentType, String body) {
        List<String> found = new ArrayList<>();
        JsonNode responses = op.node().path("responses");
        JsonNode response = responses.get(Integer.toString(status));
        if (response == null) {
            response = responses.get(status / 100 + "XX");
        }
        if (response == null) {
            response = responses.get("default");
        }
        if (response == null) {
            List<String> listed = new ArrayList<>();
            responses.fieldNames().forEachRemaining(listed::add);
            found.add("status " + status + " is not documented (documented: " + String.join(", ", listed) + ")");
            return found;
        }
        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isEmpty()) {
            if (hasBody) {
                found.add("status " + status + " is documented without a body, but the answer has one (" + contentType + ")");
            }
            return found;
        }
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        JsonNode declared = declared(content, media);
        if (declared == null) {
            List<String> listed = new ArrayList<>();
            content.fieldNames().forEachRemaining(listed::add);
            found.add("content type '" + media + "' is not documented for " + status + " (documented: " + String.join(", ", listed) + ")");
            return found;
        }
        JsonNode schema = declared.get("schema");
        if (schema != null && media.contains("json") && hasBody) {
            found.addAll(validate(op.id() + " " + status + " " + media, schema, body));
        }
        return found;
    }

    /** The schema with the document's component schemas as its $defs, so that every reference resolves within it. */
    private JsonNode standalone(JsonNode schema) {
        ObjectNode root = JSON.createObjectNode();
        root.setAll((ObjectNode) schema.deepCopy());
        root.set("$defs", document.path("components").path("schemas").deepCopy());
        try {
            return JSON.readTree(JSON.writeValueAsString(root).replace("\"#/components/schemas/", "\"#/$defs/"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode declared(JsonNode content, String media) {
        if (content.has(media)) {
            return content.get(media);
        }
        for (Iterator<String> names = content.fieldNames(); names.hasNext();) {
            String name = names.next();
            String type = name.split(";", 2)[0].strip();
            if (type.equals("*/*") || (type.endsWith("/*") && media.startsWith(type.substring(0, type.length() - 1)))) {
                return content.get(name);
            }
        }
        return null;
    }

    private List<String> validate(String key, JsonNode schema, String body) {
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of("the body is not JSON: " + e.getOriginalMessage());
        }
        JsonSchema validator = compiled.computeIfAbsent(key, k -> SCHEMAS.getSchema(standalone(schema)));
        Set<ValidationMessage> errors = validator.validate(value);
        return errors.stream().map(e -> "body: " + e.getMessage()).sorted().toList();
    }
}
