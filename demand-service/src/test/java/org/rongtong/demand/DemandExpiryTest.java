package org.rongtong.demand;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rongtong.demand.Fixtures.assertProblem;
import static org.rongtong.demand.Fixtures.demand;
import static org.rongtong.demand.Fixtures.get;
import static org.rongtong.demand.Fixtures.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rongtong.demand.service.DemandExpiry;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.testing.DevTokens;
import org.rongtong.testing.KafkaBrokerResource;
import org.rongtong.testing.PostgresResource;
import org.rongtong.testing.TopicProbe;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Demands past their deadline expire automatically, each exactly once with its event, even with two workers racing. */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(PostgresResource.class)
class DemandExpiryTest {

    private static TopicProbe demands;

    @Inject
    DemandExpiry expiry;

    @BeforeAll
    static void probe() {
        demands = TopicProbe.of(Topics.DEMANDS);
    }

    @AfterAll
    static void closeProbe() {
        demands.close();
    }

    @Test
    void twoExpiryWorkersRacingOnTheSameDatabaseExpireEachDueDemandExactlyOnce() throws Throwable {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        // due within the hour; the workers look two hours ahead, the scheduled job (real time) leaves them alone
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> item = demand();
            item.put("deadline", Instant.now().plus(1, ChronoUnit.HOURS).toString());
            items.add(item);
        }
        List<String> ids = post(DevTokens.enterprise(leader), "/api/v1/demands/batch", Map.of("demands", items))
                .then().statusCode(201).extract().path("demands.id");
        Instant workersNow = Instant.now().plus(2, ChronoUnit.HOURS);

        // two workers, each in its own Vert.x context and so its own session and transaction, started together
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<UUID>> worker = () -> {
            start.await();
            try {
                return VertxContextSupport.subscribeAndAwait(() -> expiry.expireDue(workersNow));
            } catch (Throwable e) {
                throw new IllegalStateException("an expiry worker failed", e);
            }
        };
        Future<List<UUID>> first = pool.submit(worker);
        Future<List<UUID>> second = pool.submit(worker);
        start.countDown();
        List<UUID> byFirst = first.get(60, TimeUnit.SECONDS);
        List<UUID> bySecond = second.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        Set<String> ours = Set.copyOf(ids);
        List<String> expiredByEither = new ArrayList<>();
        byFirst.stream().map(UUID::toString).filter(ours::contains).forEach(expiredByEither::add);
        bySecond.stream().map(UUID::toString).filter(ours::contains).forEach(expiredByEither::add);
        assertEquals(40, expiredByEither.size(), "each demand expired by exactly one worker: " + byFirst + " / " + bySecond);
        assertEquals(ours, new HashSet<>(expiredByEither));

        for (String id : ids) {
            demands.awaitKey(id, EventTypes.DEMAND_EXPIRED, Duration.ofSeconds(30));
        }
        // a third run finds nothing left to expire
        List<UUID> again = VertxContextSupport.subscribeAndAwait(() -> expiry.expireDue(workersNow));
        assertTrue(again.stream().map(UUID::toString).noneMatch(ours::contains), again.toString());

        // a later change on another key shows the relay is past anything a double expiry could have written
        String marker = Fixtures.createDemand(DevTokens.enterprise(leader), demand(), false);
        demands.awaitKey(marker, EventTypes.DEMAND_PUBLISHED, Duration.ofSeconds(30));
        Map<String, Integer> expiredEvents = new java.util.HashMap<>();
        for (ConsumerRecord<String, String> r : demands.drain(Duration.ofMillis(500))) {
            if (ours.contains(r.key()) && EventTypes.DEMAND_EXPIRED.equals(TopicProbe.header(r, "ce_type"))) {
                expiredEvents.merge(r.key(), 1, Integer::sum);
                assertTrue(r.value().contains("\"status\":\"EXPIRED\""), r.value());
            }
        }
        assertEquals(40, expiredEvents.size());
        assertTrue(expiredEvents.values().stream().allMatch(n -> n == 1), "an EXPIRED event twice: " + expiredEvents);
        assertEquals(40, Fixtures.count("SELECT count(*) FROM demand WHERE publisher_id = ? AND status = 'EXPIRED'", leader));
    }

    @Test
    void theScheduledJobExpiresADemandOnceItsDeadlinePassesAndAnExpiredDemandStaysExpired() {
        UUID leader = Fixtures.enterprise(EnterpriseKind.CHAIN_LEADER, "370212");
        String token = DevTokens.enterprise(leader);
        Map<String, Object> body = demand();
        body.put("deadline", Instant.now().plus(3, ChronoUnit.SECONDS).toString());
        String id = Fixtures.createDemand(token, body, false);

        String expired = demands.awaitKey(id, EventTypes.DEMAND_EXPIRED, Duration.ofSeconds(30)).value();
        assertTrue(expired.contains("\"status\":\"EXPIRED\"") && expired.contains("\"version\":2"), expired);
        get(token, "/api/v1/demands/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));

        for (String action : List.of("publish", "close", "withdraw")) {
            assertProblem(post(token, "/api/v1/demands/" + id + "/" + action), 409);
        }
    }
}
