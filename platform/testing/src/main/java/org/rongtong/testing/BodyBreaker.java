package org.rongtong.testing;

import static org.rongtong.testing.HostileValues.HOSTILE;
import static org.rongtong.testing.HostileValues.RAW_FRAGMENTS;
import static org.rongtong.testing.HostileValues.RAW_MARK;
import static org.rongtong.testing.HostileValues.WHOLE_BODIES;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

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
 * Request bodies: a baseline from the operation's schema that fails validation, one place in it broken, whole bodies
 * that are no JSON at all, and the bytes that go out (with raw fragments no JSON tree can hold spliced in).
 */
final class BodyBreaker {

    /** A body being built: breaking its root replaces it. */
    static final class Body {
        JsonNode node;
    }

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final OpenApiDocument openApi;
    private final Random random;

    BodyBreaker(OpenApiDocument openApi, Random random) {
        this.openApi = openApi;
        this.random = random;
    }

    /** Breaks one place in the baseline body and says where. */
    String breakField(Body body) {
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
                    NODES.numberNode(-0.0), new DecimalNode(new BigDecimal("9".repeat(400)))));
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

    /** A body that is no JSON object at all: too deep, not UTF-8, truncated, another format. */
    byte[] wholeBody() {
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

    byte[] serialise(JsonNode node) {
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
    JsonNode sample(JsonNode schema, int depth) {
        schema = openApi.resolve(schema);
        if (schema == null || depth > 5) {
            return NODES.nullNode();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (OpenApiDocument.type(schema)) {
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
