package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.demand.Fixtures.assertProblem;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.eventTypesUpTo;
import static org.rongtong.demand.Fixtures.get;
import static org.rongtong.demand.Fixtures.post;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Proposals (拟合作事项): who may submit, one open per enterprise and demand, who may read and withdraw them. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class ProposalTest {

    private static TopicProbe proposals;
    private static UUID leader;
    private static String leaderToken;

    @BeforeAll
    static void setUp() {
        proposals = TopicProbe.of(Topics.PROPOSALS);
        leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        leaderToken = DevTokens.enterprise(leader);
    }

    @AfterAll
    static void tearDown() {
        proposals.close();
    }

    static Map<String, Object> proposal() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "ABS改性精密注塑内桶");
        body.put("description", "年产能80万件，具备模具自主开发能力，已为两家家电企业配套");
        body.put("offering", "样件两周交付；批量价格按年度框架协议");
        body.put("attachments", List.of(Map.of("title", "产品手册", "url", "https://example.com/brochure.pdf")));
        return body;
    }

    private static String proposalsOf(String demandId) {
        return "/api/v1/demands/" + demandId + "/proposals";
    }

    @Test
    void anSmeProposesAndOnlyThePublisherReadsTheProposalsOnItsDemand() {
        String demandId = createDemand(leaderToken, demand(), false);
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");

        String id = post(DevTokens.enterprise(sme), proposalsOf(demandId), proposal()).then().statusCode(201)
                .header("ETag", "\"1\"").body("status", equalTo("OPEN")).body("proposerId", equalTo(sme.toString()))
                .body("publisherId", equalTo(leader.toString())).extract().path("id");

        get(leaderToken, proposalsOf(demandId)).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id)).body("items[0].attachments[0].url", equalTo("https://example.com/brochure.pdf"));
        get(DevTokens.enterprise(sme), proposalsOf(demandId) + "/" + id).then().statusCode(200).body("offering", equalTo("样件两周交付；批量价格按年度框架协议"));
        get(DevTokens.operator(), proposalsOf(demandId)).then().statusCode(200).body("total", equalTo(1));

        UUID rival = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        assertProblem(get(DevTokens.enterprise(rival), proposalsOf(demandId)), 403);
        assertProblem(get(DevTokens.enterprise(sme), proposalsOf(demandId)), 403);
        assertProblem(get(DevTokens.enterprise(rival), proposalsOf(demandId) + "/" + id), 404);
        assertProblem(get(DevTokens.bureau("37"), proposalsOf(demandId)), 403);

        String event = proposals.awaitKey(id, EventTypes.PROPOSAL_SUBMITTED, Duration.ofSeconds(30)).value();
        assertTrue(event.contains("\"demandId\":\"" + demandId + "\"") && event.contains("\"proposerId\":\"" + sme + "\""), event);
        assertFalse(event.contains("年产能80万件") || event.contains("example.com"), "what only the publisher reads is in the event: " + event);
    }

    @Test
    void aSecondOpenProposalIsAConflictUntilTheFirstIsWithdrawn() {
        String demandId = createDemand(leaderToken, demand(), false);
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        String smeToken = DevTokens.enterprise(sme);
        String first = post(smeToken, proposalsOf(demandId), proposal()).then().statusCode(201).extract().path("id");

        post(smeToken, proposalsOf(demandId), proposal()).then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Proposal already open"));
        // the publisher cannot withdraw it for the proposer
        assertProblem(post(leaderToken, proposalsOf(demandId) + "/" + first + "/withdraw"), 403);

        post(smeToken, proposalsOf(demandId) + "/" + first + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("version", equalTo(2));
        assertProblem(post(smeToken, proposalsOf(demandId) + "/" + first + "/withdraw"), 409);
        String second = post(smeToken, proposalsOf(demandId), proposal()).then().statusCode(201).extract().path("id");

        assertEquals(List.of(EventTypes.PROPOSAL_SUBMITTED, EventTypes.PROPOSAL_WITHDRAWN),
                eventTypesUpTo(proposals, first, EventTypes.PROPOSAL_WITHDRAWN));
        assertEquals(List.of(EventTypes.PROPOSAL_SUBMITTED), eventTypesUpTo(proposals, second, EventTypes.PROPOSAL_SUBMITTED));
        get(leaderToken, proposalsOf(demandId) + "?status=OPEN").then().body("items.id", equalTo(List.of(second)));
        assertEquals(1, Fixtures.count("SELECT count(*) FROM proposal WHERE demand_id = ? AND status = 'OPEN'", UUID.fromString(demandId)));
    }

    @Test
    void nobodyProposesToItsOwnDemandNorToAWithdrawnOrDraftDemand() {
        String demandId = createDemand(leaderToken, demand(), false);
        post(leaderToken, proposalsOf(demandId), proposal()).then().statusCode(422).body("title", equalTo("Own demand"));
        Map<String, Object> forLeader = proposal();
        forLeader.put("proposerId", leader.toString());
        assertProblem(post(DevTokens.partner(leader), proposalsOf(demandId), forLeader), 422);

        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        post(leaderToken, "/api/v1/demands/" + demandId + "/withdraw").then().statusCode(200);
        post(DevTokens.enterprise(sme), proposalsOf(demandId), proposal()).then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Demand not open"));

        String draft = createDemand(leaderToken, demand(), true);
        assertProblem(post(DevTokens.enterprise(sme), proposalsOf(draft), proposal()), 404);
        assertProblem(post(DevTokens.enterprise(sme), proposalsOf(UUID.randomUUID().toString()), proposal()), 404);
        assertEquals(0, Fixtures.count("SELECT count(*) FROM proposal WHERE proposer_id = ?", sme));
    }

    @Test
    void anUnknownOrDeactivatedProposerIsUnprocessable() {
        String demandId = createDemand(leaderToken, demand(), false);
        post(DevTokens.enterprise(UUID.randomUUID()), proposalsOf(demandId), proposal()).then().statusCode(422)
                .body("title", equalTo("Unknown proposer"));

        UUID university = Fixtures.enterprise(EnterpriseKind.UNIVERSITY, "370202");
        post(DevTokens.enterprise(university), proposalsOf(demandId), proposal()).then().statusCode(201);
        Fixtures.announce(university, EnterpriseKind.UNIVERSITY, "370202", 2, false);

        String another = createDemand(leaderToken, demand(), false);
        post(DevTokens.enterprise(university), proposalsOf(another), proposal()).then().statusCode(422)
                .body("title", equalTo("Inactive proposer"));
    }

    @Test
    void aBadAttachmentLinkIsNamedByItsPosition() {
        String demandId = createDemand(leaderToken, demand(), false);
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        Map<String, Object> body = proposal();
        body.put("attachments", List.of(Map.of("url", "https://example.com/ok.pdf"), Map.of("url", "https://user:secret@example.com/x"),
                Map.of("url", "ftp://example.com/y")));

        post(DevTokens.enterprise(sme), proposalsOf(demandId), body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("attachments[1].url", "attachments[2].url")));
        Map<String, Object> noProposer = proposal();
        post(DevTokens.partner(), proposalsOf(demandId), noProposer).then().statusCode(400).body("errors[0].field", equalTo("proposerId"));
        assertEquals(0, Fixtures.count("SELECT count(*) FROM proposal WHERE demand_id = ?", UUID.fromString(demandId)));
    }
}
