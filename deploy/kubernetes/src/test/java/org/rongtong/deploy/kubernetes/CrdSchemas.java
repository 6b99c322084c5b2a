package org.rongtong.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The vendored CRDs (deploy/kubernetes/crds) as JSON Schemas, one per group, version and kind. A CRD's openAPIV3Schema is
 * nearly a JSON Schema (draft 4): {@code nullable} becomes a "null" type, {@code x-kubernetes-int-or-string} an
 * integer-or-string, other {@code x-kubernetes-*} keys (CEL rules, list types) and OpenAPI's {@code example} are dropped. Objects with declared
 * properties refuse undeclared ones unless the CRD preserves unknown fields: the API server prunes or (kubectl's strict
 * field validation) refuses them, so a misspelt field must fail here too.
 */
final class CrdSchemas {

    record Key(String group, String version, String kind) {
    }

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static Map<Key, JsonSchema> schemas;

    private CrdSchemas() {
    }

    static synchronized Map<Key, JsonSchema> all() {
        if (schemas == null) {
            Map<Key, JsonSchema> loaded = new HashMap<>();
            try (Stream<Path> files = Files.list(Manifests.kubernetes().resolve("crds"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                    for (JsonNode crd : Manifests.parse(Files.readString(file))) {
                        if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                            continue;
                        }
                        String group = crd.path("spec").path("group").asText();
                        String kind = crd.path("spec").path("names").path("kind").asText();
                        for (JsonNode version : crd.path("spec").path("versions")) {
                            if (!version.path("served").asBoolean(false)) {
                                continue;
                            }
                            JsonNode openApi = version.path("schema").path("openAPIV3Schema");
                            loaded.put(new Key(group, version.path("name").asText(), kind), FACTORY.getSchema(toJsonSchema(openApi)));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            schemas = loaded;
        }
        return schemas;
    }

    static Optional<Key> keyOf(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return Optional.of(new Key(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), document.path("kind").asText()));
    }

    static Set<String> groups() {
        return all().keySet().stream().map(Key::group).collect(java.util.stream.Collectors.toSet());
    }

    /** The validation messages of a document against its CRD; empty when it conforms. */
    static List<String> validate(JsonNode document) {
        Key key = keyOf(document).orElseThrow();
        JsonSchema schema = all().get(key);
        if (schema == null) {
            return List.of("no vendored CRD for " + key);
        }
        List<String> messages = new ArrayList<>();
        for (ValidationMessage m : schema.validate(document)) {
            messages.add(m.getMessage());
        }
        return messages;
    }

    static JsonNode toJsonSchema(JsonNode openApi) {
        JsonNode copy = openApi.deepCopy();
        convert(copy);
        return copy;
    }

    private static void convert(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        boolean preserveUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false) && !schema.has("anyOf") && !schema.has("type")) {
            ArrayNode anyOf = schema.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        for (Iterator<String> names = schema.fieldNames(); names.hasNext();) {
            String keyword = names.next();
            // x-kubernetes-* are Kubernetes' extensions; "example" is OpenAPI's annotation, not a JSON Schema keyword
            if (keyword.startsWith("x-kubernetes-") || keyword.equals("example")) {
                names.remove();
            }
        }
        if (schema.path("nullable").asBoolean(false)) {
            schema.remove("nullable");
            if (schema.path("type").isTextual()) {
                ArrayNode types = JsonNodeFactory.instance.arrayNode().add(schema.path("type").asText()).add("null");
                schema.set("type", types);
            }
        }
        if ("object".equals(schema.path("type").asText()) && schema.has("properties") && !schema.has("additionalProperties")
                && !preserveUnknown) {
            schema.put("additionalProperties", false);
        }
        JsonNode properties = schema.path("properties");
        if (properties.isObject()) {
            properties.forEach(CrdSchemas::convert);
        }
        JsonNode items = schema.path("items");
        if (items.isArray()) {
            items.forEach(CrdSchemas::convert);
        } else {
            convert(items);
        }
        convert(schema.path("additionalProperties"));
        convert(schema.path("not"));
        for (String combinator : List.of("anyOf", "allOf", "oneOf")) {
            schema.path(combinator).forEach(CrdSchemas::convert);
        }
    }
}
