package org.rongtong.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON Schemas in {@code /schemas} are the published form of the event records: one file per CloudEvents type,
 * naming exactly the record's components, and matching what Jackson actually writes.
 */
@Tag("unit")
class EventSchemasTest {

    private static final String SCHEMAS = "/schemas/";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Every event type with the record it carries and a sample of that record. */
    static Stream<Arguments> eventTypes() {
        return Stream.of(
                EventTypes.ENTERPRISE_TYPES.stream().map(type -> Arguments.of(type, sampleEnterprise())),
                EventTypes.DEMAND_TYPES.stream().map(type -> Arguments.of(type, sampleDemand())),
                EventTypes.PROPOSAL_TYPES.stream().map(type -> Arguments.of(type, sampleProposal())),
                EventTypes.SESSION_TYPES.stream().map(type -> Arguments.of(type, sampleSession())),
                EventTypes.MATCH_TYPES.stream().map(type -> Arguments.of(type, sampleMatch())),
                EventTypes.MATCH_DELTA_TYPES.stream().map(type -> Arguments.of(type, sampleDelta())),
                EventTypes.MATCH_MOVE_TYPES.stream().map(type -> Arguments.of(type, sampleMove())))
                .flatMap(arguments -> arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void eachEventTypeHasAJsonSchema2020FileNamedAfterIt(String type) {
        JsonNode schema = schemaOf(type);

        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), type);
        assertEquals("object", schema.path("type").asText(), type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaPropertiesAreExactlyTheComponentsOfTheRecordTheTypeCarries(String type, Record sample) {
        assertEquals(componentNames(sample.getClass()), topLevelProperties(schemaOf(type)), type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void serialisedRecordHasExactlyThePropertiesTheSchemaNames(String type, Record sample) {
        JsonNode json = MAPPER.valueToTree(sample);

        assertEquals(topLevelProperties(schemaOf(type)), fieldNames(json), type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schemaRequiresOnlyRecordComponentsAndAllowsUnknownFields(String type, Record sample) {
        JsonNode schema = schemaOf(type);
        Set<String> required = texts(schema.path("required"));

        assertTrue(required.size() > 0, type + " lists no required properties");
        assertTrue(componentNames(sample.getClass()).containsAll(required), type + " requires " + required);
        assertEquals(true, schema.path("additionalProperties").asBoolean(false),
                type + " must allow unknown fields: contracts only grow within .v1");
    }

    @Test
    void candidateAndReasonSchemasNameExactlyTheComponentsOfTheirRecords() {
        JsonNode matched = schemaOf(EventTypes.DEMAND_MATCHED);
        JsonNode candidate = resolve(matched, matched.at("/properties/candidates/items"));
        JsonNode reason = resolve(matched, candidate.at("/properties/reasons/items"));

        assertEquals(componentNames(DemandMatched.Candidate.class), fieldNames(candidate.path("properties")));
        assertEquals(componentNames(DemandMatched.Reason.class), fieldNames(reason.path("properties")));

        JsonNode serialisedCandidate = MAPPER.valueToTree(sampleMatch()).path("candidates").path(0);
        assertEquals(componentNames(DemandMatched.Candidate.class), fieldNames(serialisedCandidate));
        assertEquals(componentNames(DemandMatched.Reason.class), fieldNames(serialisedCandidate.path("reasons").path(0)));
    }

    @Test
    void enumDefinitionsListExactlyTheConstantsOfTheJavaEnums() {
        JsonNode defs = load("common.json").path("$defs");

        assertEquals(constants(CooperationField.class), texts(defs.at("/cooperationField/enum")));
        assertEquals(constants(EnterpriseKind.class), texts(defs.at("/enterpriseKind/enum")));
        assertEquals(constants(Willingness.class), texts(defs.at("/willingness/enum")));
        assertEquals(constants(DemandStatus.class), texts(defs.at("/demandStatus/enum")));
        assertEquals(constants(ProposalStatus.class), texts(defs.at("/proposalStatus/enum")));
        assertEquals(constants(SessionStatus.class), texts(defs.at("/sessionStatus/enum")));
        assertEquals(constants(MatchStatus.class), texts(defs.at("/matchStatus/enum")));
        assertEquals(constants(CloseReason.class), texts(defs.at("/closeReason/enum")));
    }

    @Test
    void proposalAndMoveEventsWrittenBeforeCloseReasonsExistedStillReadWithoutOne() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode proposal = MAPPER.valueToTree(sampleProposal());
        proposal.remove("closeReason");
        com.fasterxml.jackson.databind.node.ObjectNode move = MAPPER.valueToTree(sampleMove());
        move.remove("endReason");

        assertEquals(sampleProposal(), MAPPER.treeToValue(proposal, ProposalSnapshot.class));
        assertEquals(sampleMove(), MAPPER.treeToValue(move, MatchChanged.class));
    }

    @Test
    void closedAndEndedEventsRequireTheirReason() {
        assertTrue(texts(schemaOf(EventTypes.PROPOSAL_CLOSED).path("required")).contains("closeReason"));
        assertTrue(texts(schemaOf(EventTypes.MATCH_ENDED).path("required")).contains("endReason"));
        assertEquals("END", schemaOf(EventTypes.MATCH_ENDED).at("/properties/via/const").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void serialisedRecordReadsBackIntoAnEqualRecord(String type, Record sample) throws IOException {
        // records with a second, pre-extension constructor (DemandSnapshot) must still read through the canonical one
        Record read = MAPPER.readValue(MAPPER.writeValueAsString(sample), sample.getClass());

        assertEquals(sample, read, type);
    }

    @Test
    void aDemandEventWrittenBeforeSpecificationAndQuantityExistedStillReads() throws IOException {
        ObjectMapper tolerant = MAPPER.copy().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        com.fasterxml.jackson.databind.node.ObjectNode old = MAPPER.valueToTree(sampleDemand());
        old.remove(List.of("specification", "quantity", "quantityUnit"));

        DemandSnapshot read = tolerant.treeToValue(old, DemandSnapshot.class);

        assertEquals(sampleDemand().title(), read.title());
        assertEquals(null, read.quantity());
    }

    @Test
    void aDemandEventWrittenBeforePreferencesExistedReadsWithoutPreferences() throws IOException {
        ObjectMapper tolerant = MAPPER.copy().disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        com.fasterxml.jackson.databind.node.ObjectNode old = MAPPER.valueToTree(sampleDemand());
        old.remove("preferences");

        DemandSnapshot read = tolerant.treeToValue(old, DemandSnapshot.class);

        assertEquals(sampleDemand().quantityUnit(), read.quantityUnit());
        assertEquals(null, read.preferences());
    }

    @Test
    void aDemandWithoutPreferencesIsWrittenWithPreferencesNullAndReadsBack() throws IOException {
        DemandSnapshot sample = sampleDemand();
        // the constructor from before preferences existed, as existing callers use it
        DemandSnapshot without = new DemandSnapshot(sample.id(), sample.version(), sample.publisherId(), sample.field(),
                sample.chain(), sample.title(), sample.description(), sample.requiredCapabilities(), sample.regionCodes(),
                sample.budgetMin(), sample.budgetMax(), sample.deadline(), sample.status(), sample.publishedAt(),
                sample.updatedAt(), sample.specification(), sample.quantity(), sample.quantityUnit());
        JsonNode json = MAPPER.valueToTree(without);

        assertTrue(json.has("preferences") && json.get("preferences").isNull(), json.toString());
        assertEquals(without, MAPPER.readValue(MAPPER.writeValueAsString(without), DemandSnapshot.class));
        assertEquals(topLevelProperties(schemaOf(EventTypes.DEMAND_UPDATED)), fieldNames(json));
    }

    @Test
    void preferencesSchemaNamesExactlyTheComponentsOfDemandPreferences() {
        JsonNode snapshot = load("demand-snapshot.json");
        JsonNode preferences = resolve(snapshot, snapshot.at("/properties/preferences/oneOf/0"));

        assertEquals(componentNames(DemandPreferences.class), fieldNames(preferences.path("properties")));
        assertEquals(true, preferences.path("additionalProperties").asBoolean(false), "preferences must allow unknown fields");
        assertEquals("null", snapshot.at("/properties/preferences/oneOf/1/type").asText(), "preferences must be nullable");

        JsonNode serialised = MAPPER.valueToTree(sampleDemand()).path("preferences");
        assertEquals(componentNames(DemandPreferences.class), fieldNames(serialised));
        assertEquals("LITTLE_GIANT", serialised.path("preferredTiers").path(1).asText());
        assertTrue(serialised.path("preferInProvince").isBoolean());
        assertTrue(serialised.path("minEmployees").isIntegralNumber());
        assertEquals(0, new BigDecimal("50000000").compareTo(serialised.path("minRevenue").decimalValue()));
    }

    @Test
    void preferredTiersListExactlyTheTierCodesTheRestApiAccepts() {
        JsonNode tiers = load("demand-snapshot.json").at("/$defs/demandPreferences/properties/preferredTiers/items/enum");

        assertEquals(new TreeSet<>(List.of(DemandPreferences.TIER_CODES.split("\\|"))), texts(tiers));
    }

    @Test
    void sessionDatesAreWrittenAsIsoDates() {
        assertEquals("2025-04-18", MAPPER.valueToTree(sampleSession()).path("date").asText());
    }

    @Test
    void willingnessIsAnObjectKeyedByCooperationField() {
        JsonNode willingness = MAPPER.valueToTree(sampleEnterprise()).path("willingness");

        assertEquals(Set.of("TECH_RND", "PROCUREMENT"), fieldNames(willingness));
        assertEquals("STRONG", willingness.path("TECH_RND").asText());
    }

    // --- schemas

    static JsonNode schemaOf(String type) {
        return load(type + ".json");
    }

    static JsonNode load(String file) {
        try (InputStream in = EventSchemasTest.class.getResourceAsStream(SCHEMAS + file)) {
            assertNotNull(in, "no schema resource " + SCHEMAS + file);
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("schema " + file + " is not valid JSON", e);
        }
    }

    /** The properties a schema declares itself and through {@code $ref} or {@code allOf} to other schemas. */
    static Set<String> topLevelProperties(JsonNode schema) {
        Set<String> names = fieldNames(schema.path("properties"));
        if (schema.has("$ref")) {
            names.addAll(topLevelProperties(resolve(schema, schema)));
        }
        for (JsonNode part : schema.path("allOf")) {
            names.addAll(topLevelProperties(resolve(schema, part)));
        }
        return names;
    }

    /** Follows a {@code $ref} to a sibling file ({@code file.json} or {@code file.json#/pointer}) or within the document. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        if (!node.has("$ref")) {
            return node;
        }
        String ref = node.get("$ref").asText();
        int hash = ref.indexOf('#');
        String file = hash < 0 ? ref : ref.substring(0, hash);
        String pointer = hash < 0 ? "" : ref.substring(hash + 1);
        JsonNode target = file.isEmpty() ? document : load(file);
        JsonNode resolved = target.at(pointer);
        assertTrue(resolved.isObject(), "unresolvable $ref " + ref);
        return resolve(target, resolved);
    }

    // --- names

    static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext();) {
            values.add(it.next().asText());
        }
        return values;
    }

    private static Set<String> constants(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    // --- samples, every component set

    private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");

    static EnterpriseSnapshot sampleEnterprise() {
        Map<CooperationField, Willingness> willingness = new EnumMap<>(CooperationField.class);
        willingness.put(CooperationField.TECH_RND, Willingness.STRONG);
        willingness.put(CooperationField.PROCUREMENT, Willingness.OPEN);
        return new EnterpriseSnapshot(UUID.fromString("01956a3c-0000-7000-8000-000000000001"), 2, "福州精密电机有限公司",
                "91350100M000100Y43", EnterpriseKind.SME, "SPECIALIZED_SME", "350100", List.of("SMART_HOME"),
                List.of("电机控制", "变频"), "专注家电电机", willingness, true, T0, T0.plusSeconds(3600),
                "Fuzhou Precision Motor Co., Ltd.", "PROVINCIAL", 2024, java.time.LocalDate.of(2027, 12, 31), "家电电机",
                List.of("ISO 9001"), 320, new java.math.BigDecimal("125000000.00"), 2009);
    }

    static DemandSnapshot sampleDemand() {
        return new DemandSnapshot(UUID.fromString("01956a3c-0000-7000-8000-000000000002"), 1,
                UUID.fromString("01956a3c-0000-7000-8000-000000000003"), CooperationField.PRODUCT_SUPPORTING, "SMART_HOME",
                "变频压缩机电机配套", "需要年产十万台的配套能力", List.of("电机控制"), List.of("350000"),
                new BigDecimal("500000.00"), new BigDecimal("2000000.00"), T0.plusSeconds(86_400 * 90),
                DemandStatus.PUBLISHED, T0, T0, "额定功率1.5kW，IE4能效", new BigDecimal("100000"), "台/年", samplePreferences());
    }

    static DemandPreferences samplePreferences() {
        return new DemandPreferences(List.of("SPECIALIZED_SME", "LITTLE_GIANT"), true, 200, new BigDecimal("50000000.00"),
                new BigDecimal("120000"), "台");
    }

    static ProposalSnapshot sampleProposal() {
        return new ProposalSnapshot(UUID.fromString("01956a3c-0000-7000-8000-000000000005"), 1,
                UUID.fromString("01956a3c-0000-7000-8000-000000000002"), UUID.fromString("01956a3c-0000-7000-8000-000000000003"),
                UUID.fromString("01956a3c-0000-7000-8000-000000000001"), "IE4永磁同步电机配套方案", ProposalStatus.OPEN, T0, T0);
    }

    static SessionSnapshot sampleSession() {
        return new SessionSnapshot(UUID.fromString("01956a3c-0000-7000-8000-000000000006"), 1, "智能家电产业链专场对接会",
                java.time.LocalDate.of(2025, 4, 18), "3501", "福州海峡会展中心", List.of("SMART_HOME"),
                List.of(UUID.fromString("01956a3c-0000-7000-8000-000000000003")),
                List.of(UUID.fromString("01956a3c-0000-7000-8000-000000000002")), SessionStatus.SCHEDULED, T0, T0);
    }

    static DemandMatched sampleMatch() {
        DemandMatched.Reason reason = new DemandMatched.Reason("capabilities", 0.4, "电机控制");
        DemandMatched.Candidate candidate = new DemandMatched.Candidate(UUID.fromString("01956a3c-0000-7000-8000-000000000004"),
                UUID.fromString("01956a3c-0000-7000-8000-000000000001"), "福州精密电机有限公司", 1, 0.87, List.of(reason), "350102");
        return new DemandMatched(UUID.fromString("01956a3c-0000-7000-8000-000000000002"), 1,
                UUID.fromString("01956a3c-0000-7000-8000-000000000003"), CooperationField.PRODUCT_SUPPORTING, "SMART_HOME",
                "变频压缩机电机配套", "350000", List.of(candidate), T0.plusSeconds(60), "350100");
    }

    static DemandCandidatesChanged sampleDelta() {
        DemandMatched m = sampleMatch();
        return new DemandCandidatesChanged(m.demandId(), m.demandVersion(), m.publisherId(), m.field(), m.chain(), m.title(),
                m.regionCode(), m.candidates(), List.of(new DemandCandidatesChanged.Displaced(
                        UUID.fromString("01956a3c-0000-7000-8000-000000000005"), UUID.fromString("01956a3c-0000-7000-8000-000000000006"),
                        "350200")), T0.plusSeconds(90), m.publisherRegionCode());
    }

    static MatchChanged sampleMove() {
        return new MatchChanged(UUID.fromString("01956a3c-0000-7000-8000-000000000004"), 2,
                UUID.fromString("01956a3c-0000-7000-8000-000000000002"), UUID.fromString("01956a3c-0000-7000-8000-000000000003"),
                UUID.fromString("01956a3c-0000-7000-8000-000000000001"), "福州精密电机有限公司", CooperationField.PRODUCT_SUPPORTING,
                "SMART_HOME", "变频压缩机电机配套", "350000", MatchStatus.PROPOSED, MatchStatus.INTERESTED, MatchChanged.VIA_PROPOSAL,
                UUID.fromString("01956a3c-0000-7000-8000-000000000005"), "可提供样机", T0.plusSeconds(120), null, "350100", "350102");
    }
}
