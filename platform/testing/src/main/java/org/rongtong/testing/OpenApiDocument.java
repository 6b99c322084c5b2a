package org.rongtong.testing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** A service's OpenAPI document as the fuzzer reads it: its operations, and schemas with their references followed. */
final class OpenApiDocument {

    /** An operation: its method, path template, parameters and the JSON schema of its body (or none). */
    record Operation(String method, String path, List<JsonNode> parameters, String bodyType, JsonNode bodySchema, boolean streams) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final JsonNode root;

    OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Every operation, sorted by path and method so that a seed always yields the same cases. */
    List<Operation> operations() {
        List<Operation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
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
                op.path("parameters").forEach(p -> parameters.add(resolve(p)));
                String bodyType = null;
                JsonNode bodySchema = null;
                JsonNode content = resolve(op.path("requestBody")).path("content");
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

    /** The node a {@code $ref} points to (through up to ten references), and the first of an {@code allOf} alone. */
    JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node != null && node.has("$ref"); i++) {
            String ref = node.get("$ref").asText();
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        if (node != null && node.has("allOf") && !node.has("type") && !node.has("properties")) {
            return resolve(node.get("allOf").get(0));
        }
        return node;
    }

    /** The schema's JSON type, the one that is not null when it names several. */
    static String type(JsonNode schema) {
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
}
