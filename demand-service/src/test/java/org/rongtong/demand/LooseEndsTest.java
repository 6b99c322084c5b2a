package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.demand.Fixtures.assertProblem;
import static org.rongtong.demand.Fixtures.createDemand;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.get;
import static org.rongtong.demand.Fixtures.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.ProposalSnapshot;
import org.rongtong.events.Topics;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing left dangling (ADR 0015): a demand that closes, is withdrawn or expires closes its open proposals with a
 * {@code proposal.closed.v1} each; a deactivated enterprise's published demands are withdrawn and its open proposals
 * closed — through the real broker (the registry's deactivation event) and database.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class LooseEndsTest {

    private static TopicProbe proposals;
    private static TopicProbe demands;

    @BeforeAll
    static void probes() {
        proposals = TopicProbe.of(Topics.PROPOSALS);
        demands = TopicProbe.of(Topics.DEMANDS);
    }

    @AfterAll
    static void close() {
        proposals.close();
        demands.close();
    }

    private static String propose(UUID sme, String demandId) {
        return post(DevTokens.enterprise(sme), "/api/v1/demands/" + demandId + "/proposals", ProposalTest.proposal())
                .then().statusCode(201).extract().path("id");
    }

    private static ProposalSnapshot closedEvent(String proposalId) throws Exception {
        ConsumerRecord<String, String> r = proposals.awaitKey(proposalId, EventTypes.PROPOSAL_CLOSED, Duration.ofSeconds(30));
        return Fixtures.JSON.readValue(r.value(), ProposalSnapshot.class);
    }

    private static long count(TopicProbe probe, String key, String type) {
        return probe.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, "ce_type"))).count();
    }

    @Test
    void closingOrWithdrawingADemandClosesItsOpenProposalsWithTheReasonAndLeavesAWithdrawnOneAlone() throws Exception {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String leaderToken = DevTokens.enterprise(leader);
        for (String end : new String[] {"close", "withdraw"}) {
            String demandId = createDemand(leaderToken, demand(), false);
            UUID open = Fixtures.enterprise(EnterpriseKind.SME, "370211");
            UUID withdrawing = Fixtures.enterprise(EnterpriseKind.SME, "370211");
            String openId = propose(open, demandId);
            String withdrawnId = propose(withdrawing, demandId);
            post(DevTokens.enterprise(withdrawing), "/api/v1/demands/" + demandId + "/proposals/" + withdrawnId + "/withdraw")
                    .then().statusCode(200);

            post(leaderToken, "/api/v1/demands/" + demandId + "/" + end).then().statusCode(200);

            String reason = end.equals("close") ? "DEMAND_CLOSED" : "DEMAND_WITHDRAWN";
            ProposalSnapshot closed = closedEvent(openId);
            assertEquals("CLOSED", closed.status().name());
            assertEquals(reason, closed.closeReason().name());
            assertEquals(2, closed.version());
            get(DevTokens.enterprise(open), "/api/v1/demands/" + demandId + "/proposals/" + openId).then().statusCode(200)
                    .body("status", equalTo("CLOSED")).body("closeReason", equalTo(reason)).body("version", equalTo(2));
            assertEquals(1, Fixtures.count("SELECT count(*) FROM proposal WHERE id = ? AND status = 'WITHDRAWN' AND close_reason IS NULL",
                    UUID.fromString(withdrawnId)), "a withdrawn proposal keeps its status");
            assertEquals(0, Fixtures.count("SELECT count(*) FROM proposal WHERE demand_id = ? AND status = 'OPEN'", UUID.fromString(demandId)));
            // the proposer cannot withdraw what is closed
            assertProblem(post(DevTokens.enterprise(open), "/api/v1/demands/" + demandId + "/proposals/" + openId + "/withdraw"), 409);
        }
    }

    @Test
    void anExpiringDemandClosesItsOpenProposalsAsExpired() throws Exception {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        Map<String, Object> body = demand();
        body.put("deadline", Instant.now().plus(4, ChronoUnit.SECONDS).toString());
        String demandId = createDemand(DevTokens.enterprise(leader), body, false);
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        String proposalId = propose(sme, demandId);

        demands.awaitKey(demandId, EventTypes.DEMAND_EXPIRED, Duration.ofSeconds(30));
        ProposalSnapshot closed = closedEvent(proposalId);
        assertEquals("DEMAND_EXPIRED", closed.closeReason().name());
        assertEquals(UUID.fromString(demandId), closed.demandId());
    }

    @Test
    void aDeactivatedEnterprisesPublishedDemandsAreWithdrawnAndItsProposalsClosedOnceEvenWhenTheEventComesAgain() throws Exception {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String leaderToken = DevTokens.enterprise(leader);
        String published = createDemand(leaderToken, demand(), false);
        String draft = createDemand(leaderToken, demand(), true);
        String closedBefore = createDemand(leaderToken, demand(), false);
        post(leaderToken, "/api/v1/demands/" + closedBefore + "/close").then().statusCode(200);
        UUID sme = Fixtures.enterprise(EnterpriseKind.SME, "370211");
        String onItsDemand = propose(sme, published);
        // the leader itself proposes to another leader's demand: closed as its own proposal
        UUID otherLeader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370202");
        String othersDemand = createDemand(DevTokens.enterprise(otherLeader), demand(), false);
        String itsOwnProposal = propose(leader, othersDemand);

        Fixtures.announce(leader, EnterpriseKind.CHAIN_LEADER, "370212", 2, false);

        String withdrawn = demands.awaitKey(published, EventTypes.DEMAND_WITHDRAWN, Duration.ofSeconds(30)).value();
        assertTrue(withdrawn.contains("\"status\":\"WITHDRAWN\""), withdrawn);
        assertEquals("DEMAND_WITHDRAWN", closedEvent(onItsDemand).closeReason().name());
        assertEquals("ENTERPRISE_DEACTIVATED", closedEvent(itsOwnProposal).closeReason().name());
        get(leaderToken, "/api/v1/demands/" + draft).then().statusCode(200).body("status", equalTo("DRAFT"));
        get(leaderToken, "/api/v1/demands/" + closedBefore).then().statusCode(200).body("status", equalTo("CLOSED"));
        get(DevTokens.enterprise(otherLeader), "/api/v1/demands/" + othersDemand).then().statusCode(200).body("status", equalTo("PUBLISHED"));

        // the same deactivation delivered again (a redelivery, a new ce_id) is stale and ends nothing twice
        Fixtures.announce(leader, EnterpriseKind.CHAIN_LEADER, "370212", 2, false);
        // a later event of the same key proves the redelivery was consumed before we count
        Fixtures.announce(leader, EnterpriseKind.CHAIN_LEADER, "370212", 3, false);
        assertEquals(1, count(demands, published, EventTypes.DEMAND_WITHDRAWN));
        assertEquals(1, count(proposals, onItsDemand, EventTypes.PROPOSAL_CLOSED));
        assertEquals(1, count(proposals, itsOwnProposal, EventTypes.PROPOSAL_CLOSED));
        get(leaderToken, "/api/v1/demands/" + published).then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("version", equalTo(2));
    }
}
