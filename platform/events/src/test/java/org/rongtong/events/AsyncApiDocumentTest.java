package org.rongtong.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * docs/asyncapi.yaml, the document bureaus and partners read, says what the code does: every topic and event type in
 * {@link Topics} and {@link EventTypes} is in it and nothing else, each type on the topic it is published to, with the
 * source that publishes it, and each message's payload is the JSON Schema of its type, naming the record's components.
 */
@Tag("unit")
class AsyncApiDocumentTest {

    private static final String SCHEMAS_DIR = "platform/events/src/main/resources/schemas/";
    private static final String DEAD_LETTER = "dead-letter";

    /** The types each topic carries, as the producers publish them. */
    private static final Map<String, List<String>> TYPES_BY_TOPIC = Map.of(
            Topics.ENTERPRISES, EventTypes.ENTERPRISE_TYPES,
            Topics.DEMANDS, EventTypes.DEMAND_TYPES,
            Topics.PROPOSALS, EventTypes.PROPOSAL_TYPES,
            Topics.SESSIONS, EventTypes.SESSION_TYPES,
            Topics.MATCHES, Stream.of(EventTypes.MATCH_TYPES, EventTypes.MATCH_DELTA_TYPES, EventTypes.MATCH_MOVE_TYPES)
                    .flatMap(List::stream).toList());

    private static final Map<String, String> SOURCE_BY_TOPIC = Map.of(
            Topics.ENTERPRISES, EventSources.REGISTRY,
            Topics.DEMANDS, EventSources.DEMAND,
            Topics.PROPOSALS, EventSources.DEMAND,
            Topics.SESSIONS, EventSources.DEMAND,
            Topics.MATCHES, EventSources.MATCHING);

    private static Path root;
    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("docs/asyncapi.yaml"))) {
            root = root.getParent();
            assertTrue(root != null, "docs/asyncapi.yaml not found above " + Path.of("").toAbsolutePath());
        }
        document = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docs/asyncapi.yaml").toFile());
    }

    @Test
    void everyTopicInCodeIsAChannelAndEveryChannelIsATopicInCode() {
        Set<String> addresses = new TreeSet<>();
        document.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            if (!address.contains("{")) { // the dead-letter topics, one per consuming service
                addresses.add(address);
                assertEquals(address, channel.at("/bindings/kafka/topic").asText(), "the Kafka binding names the channel's topic");
            }
        });

        assertEquals(constants(Topics.class), addresses);
        assertEquals(constants(Topics.class), new TreeSet<>(TYPES_BY_TOPIC.keySet()), "this test knows every topic");
    }

    @Test
    void everyEventTypeInCodeIsAMessageAndEveryMessageIsATypeInCode() {
        Set<String> names = messages().keySet().stream().filter(name -> !DEAD_LETTER.equals(name))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(constants(EventTypes.class), names);
        assertEquals(constants(EventTypes.class),
                TYPES_BY_TOPIC.values().stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new)),
                "this test knows the topic of every type");
    }

    @Test
    void eachChannelCarriesExactlyTheTypesPublishedToItsTopic() {
        document.path("channels").forEach(channel -> {
            String address = channel.path("address").asText();
            if (address.contains("{")) {
                return;
            }
            Set<String> names = new TreeSet<>();
            channel.path("messages").forEach(ref -> names.add(resolve(ref).path("name").asText()));
            assertEquals(new TreeSet<>(TYPES_BY_TOPIC.get(address)), names, address);
        });
    }

    @Test
    void eachSendOperationListsItsChannelsMessages() {
        document.path("operations").forEach(operation -> {
            JsonNode channel = resolve(operation.path("channel"));
            Set<String> listed = new TreeSet<>();
            operation.path("messages").forEach(ref -> listed.add(resolve(ref).path("name").asText()));
            Set<String> carried = new TreeSet<>();
            channel.path("messages").forEach(ref -> carried.add(resolve(ref).path("name").asText()));
            assertEquals(carried, listed, operation.path("title").asText());
        });
    }

    static Stream<String> eventTypes() {
        return constants(EventTypes.class).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void eachMessageNamesItsTypeAndSourceInItsHeaders(String type) {
        JsonNode headers = messages().get(type).path("headers");
        String topic = TYPES_BY_TOPIC.entrySet().stream().filter(e -> e.getValue().contains(type)).findFirst().orElseThrow().getKey();

        assertEquals("#/components/schemas/CloudEventHeaders", headers.at("/allOf/0/$ref").asText(), type);
        assertEquals(type, headers.at("/allOf/1/properties/ce_type/const").asText(), type);
        assertEquals(SOURCE_BY_TOPIC.get(topic), headers.at("/allOf/1/properties/ce_source/const").asText(), type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void eachMessagePayloadIsTheSchemaOfItsTypeNamingTheRecordsComponents(String type) {
        String ref = messages().get(type).at("/payload/$ref").asText();
        Class<?> record = recordOf(type);

        assertEquals("../" + SCHEMAS_DIR + type + ".json", ref, type);
        assertTrue(Files.exists(root.resolve("docs").resolve(ref).normalize()), ref + " exists");
        assertEquals(EventSchemasTest.componentNames(record), EventSchemasTest.topLevelProperties(EventSchemasTest.schemaOf(type)),
                type + " carries " + record.getSimpleName());
    }

    @Test
    void theEnvelopePromisesTolerantConsumers() {
        String description = document.at("/info/description").asText();

        assertTrue(description.contains("must not fail on an enum value they do not know"), "the promise CloudEvent keeps");
    }

    // --- reading the document

    /** components.messages by message name. */
    private static Map<String, JsonNode> messages() {
        Map<String, JsonNode> byName = new TreeMap<>();
        document.at("/components/messages").forEach(message -> byName.put(message.path("name").asText(), message));
        return byName;
    }

    /** Follows a local {@code $ref} ({@code #/a/b}); JSON Pointer escapes ~1 and ~0 as the document may use them. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            assertTrue(ref.startsWith("#/"), "a local reference: " + ref);
            JsonNode target = document.at(ref.substring(1));
            assertTrue(target.isObject(), "unresolvable " + ref);
            node = target;
        }
        return node;
    }

    private static Class<?> recordOf(String type) {
        Map<String, Class<?>> records = new LinkedHashMap<>();
        EventSchemasTest.eventTypes().forEach(arguments -> records.put((String) arguments.get()[0], arguments.get()[1].getClass()));
        assertTrue(records.containsKey(type), "EventSchemasTest has a sample for " + type);
        return records.get(type);
    }

    /** The public String constants of a class (its lists of types are not constants). */
    private static Set<String> constants(Class<?> holder) {
        Set<String> values = new TreeSet<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
