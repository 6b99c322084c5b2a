package org.rongtong.demand.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.demand.model.Demand;
import org.rongtong.demand.model.KnownEnterprise;
import org.rongtong.demand.model.MatchmakingSession;
import org.rongtong.demand.rest.ScheduleSessionRequest;
import org.rongtong.events.DemandStatus;
import org.rongtong.events.EnterpriseKind;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.SessionSnapshot;
import org.rongtong.events.SessionStatus;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;
import org.rongtong.ids.UuidV7;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.web.problem.Problem.FieldError;
import org.rongtong.web.problem.ProblemException;
import org.rongtong.web.rest.Page;
import org.rongtong.web.rest.Versions;
import org.rongtong.web.security.Caller;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Matchmaking sessions (对接活动): a bureau schedules them within its region (an operator anywhere), with participating
 * chain leaders and the demands they bring; {@code SCHEDULED → HELD | CANCELLED}, rescheduled or edited until then.
 */
@ApplicationScoped
public class SessionService {

    /** The programme runs on China Standard Time: "today" for a session date is today there. */
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Asia/Shanghai");

    public enum Transition {
        HOLD(SessionStatus.HELD, EventTypes.SESSION_HELD, "held"),
        CANCEL(SessionStatus.CANCELLED, EventTypes.SESSION_CANCELLED, "cancelled");

        final SessionStatus to;
        final String eventType;
        final String verb;

        Transition(SessionStatus to, String eventType, String verb) {
            this.to = to;
            this.eventType = eventType;
            this.verb = verb;
        }
    }

    static final String IDEMPOTENCY_SCOPE = "session";

    private final Outbox outbox;
    private final IdempotencyKeys idempotency;

    public SessionService(Outbox outbox, IdempotencyKeys idempotency) {
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    /** Schedules a session; with an Idempotency-Key, the same caller's repeated request answers the first session. */
    @WithTransaction
    public Uni<Created<MatchmakingSession>> schedule(ScheduleSessionRequest request, Caller caller, String idempotencyKey) {
        requireOrganises(request.regionCode(), caller);
        return idempotency.previous(IDEMPOTENCY_SCOPE, idempotencyKey, request).chain(previous -> previous != null
                ? MatchmakingSession.<MatchmakingSession>findById(previous).map(s -> new Created<>(s, true))
                : scheduleNew(request, caller)
                        .call(s -> idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, request, s.id))
                        .map(s -> new Created<>(s, false)));
    }

    private Uni<MatchmakingSession> scheduleNew(ScheduleSessionRequest request, Caller caller) {
        // an operator may record a session already held before the programme was on the platform (ADR 0025); a bureau
        // schedules from today on
        if (!caller.isOperator()) {
            requireNotPast(request);
        }
        return requireAcceptable(request, Set.of(), Set.of())
                .chain(() -> {
                    MatchmakingSession session = new MatchmakingSession();
                    DemandMapper.apply(request, session);
                    session.id = UuidV7.next();
                    session.version = 1;
                    session.status = SessionStatus.SCHEDULED;
                    session.organiser = caller.isOperator() ? "operator" : "bureau:" + caller.regionPrefix().orElseThrow();
                    session.scheduledAt = Instant.now();
                    session.updatedAt = session.scheduledAt;
                    return session.<MatchmakingSession>persistAndFlush();
                })
                .call(session -> emit(EventTypes.SESSION_SCHEDULED, session));
    }

    /**
     * Reschedules or edits a session until it is held (ADR 0015): {@code If-Match} is required (412 when stale), a held or
     * cancelled session is 409, and the caller must organise both the session's region and the new one (403). Participants
     * and demands already in the session stay acceptable as they are (a demand may have closed since); newcomers are
     * checked as when scheduling. A change emits {@code session.updated.v1}; the same content again changes nothing.
     */
    @WithTransaction
    public Uni<MatchmakingSession> update(UUID id, long expectedVersion, ScheduleSessionRequest request, Caller caller) {
        return MatchmakingSession.<MatchmakingSession>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", id))
                .invoke(session -> {
                    requireOrganises(session.regionCode, caller);
                    requireOrganises(request.regionCode(), caller);
                    Versions.requireCurrent(expectedVersion, session.version);
                    if (session.status != SessionStatus.SCHEDULED) {
                        throw Problems.illegalTransition("session", session.status, "edited");
                    }
                    requireNotPast(request);
                })
                .call(session -> requireAcceptable(request, Set.copyOf(session.participantIds), Set.copyOf(session.demandIds)))
                .chain(session -> {
                    SessionSnapshot before = DemandMapper.toSnapshot(session);
                    DemandMapper.apply(request, session);
                    if (DemandMapper.toSnapshot(session).equals(before)) {
                        return Uni.createFrom().item(session); // nothing changed: no new version, no event
                    }
                    session.updatedAt = Instant.now();
                    return Panache.flush().replaceWith(session).call(s -> emit(EventTypes.SESSION_UPDATED, s));
                })
                .onFailure(Versions::isOptimisticLockFailure).transform(f -> Versions.lostRace());
    }

    private static void requireNotPast(ScheduleSessionRequest request) {
        if (request.date().isBefore(today())) {
            throw ProblemException.invalid("date", "must not be in the past");
        }
    }

    /**
     * Participants must be active chain leaders, demands published by a participant; each offender named in one 422.
     * Those in {@code keptParticipants} / {@code keptDemands} (already in the session being edited) are not checked again.
     */
    private static Uni<Void> requireAcceptable(ScheduleSessionRequest request, Set<UUID> keptParticipants, Set<UUID> keptDemands) {
        List<UUID> participants = request.participantIds() == null ? List.of() : request.participantIds();
        List<UUID> demandIds = request.demandIds() == null ? List.of() : request.demandIds();
        List<FieldError> errors = new ArrayList<>();
        return byId(() -> KnownEnterprise.<KnownEnterprise>list("id in ?1", participants), participants, e -> e.id)
                .invoke(known -> {
                    for (int i = 0; i < participants.size(); i++) {
                        if (keptParticipants.contains(participants.get(i))) {
                            continue;
                        }
                        KnownEnterprise e = known.get(participants.get(i));
                        String problem = e == null ? "is not a registered enterprise"
                                : !e.active ? "is deactivated"
                                : e.kind != EnterpriseKind.CHAIN_LEADER ? "is not a chain leader but " + e.kind : null;
                        if (problem != null) {
                            errors.add(new FieldError("participantIds[" + i + "]", problem));
                        }
                    }
                })
                .chain(() -> byId(() -> Demand.<Demand>list("id in ?1", demandIds), demandIds, d -> d.id))
                .invoke(demands -> {
                    for (int i = 0; i < demandIds.size(); i++) {
                        Demand d = demands.get(demandIds.get(i));
                        if (d != null && keptDemands.contains(d.id) && participants.contains(d.publisherId)) {
                            continue;
                        }
                        // a draft is private to its publisher: for the organiser it does not exist
                        String problem = d == null || d.status == DemandStatus.DRAFT ? "does not exist"
                                : d.status != DemandStatus.PUBLISHED ? "is " + d.status + "; only published demands are brought to a session"
                                : !participants.contains(d.publisherId) ? "is published by " + d.publisherId + ", who does not take part"
                                : null;
                        if (problem != null) {
                            errors.add(new FieldError("demandIds[" + i + "]", problem));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw Problems.unprocessable("Participants or demands not acceptable", errors);
                    }
                })
                .replaceWithVoid();
    }

    @WithSession
    public Uni<MatchmakingSession> find(UUID id) {
        return MatchmakingSession.<MatchmakingSession>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Session", id));
    }

    /** Holding is for the day of the session or later; both transitions leave only a scheduled session. */
    @WithTransaction
    public Uni<MatchmakingSession> transition(UUID id, Transition transition, Long expectedVersion, Caller caller) {
        return MatchmakingSession.<MatchmakingSession>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", id))
                .invoke(session -> {
                    requireOrganises(session.regionCode, caller);
                    if (expectedVersion != null) {
                        Versions.requireCurrent(expectedVersion, session.version);
                    }
                    if (session.status != SessionStatus.SCHEDULED) {
                        throw Problems.illegalTransition("session", session.status, transition.verb);
                    }
                    if (transition == Transition.HOLD && session.date.isAfter(today())) {
                        throw ProblemException.conflict("Session not yet due",
                                "The session is on " + session.date + "; it can be marked held from that day on");
                    }
                })
                .chain(session -> {
                    session.status = transition.to;
                    session.updatedAt = Instant.now();
                    return Panache.flush().replaceWith(session);
                })
                .call(session -> emit(transition.eventType, session))
                .onFailure(Versions::isOptimisticLockFailure).transform(f -> Versions.lostRace());
    }

    /** Sessions, soonest first. {@code region} overlaps the session's region (either is a prefix of the other). */
    @WithSession
    public Uni<Page<MatchmakingSession>> list(String region, String chain, SessionStatus status, UUID participant,
            LocalDate from, LocalDate to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object[]> params = new ArrayList<>();
        if (region != null) {
            where.append(" AND (s.region_code LIKE :region || '%' OR :region LIKE s.region_code || '%')");
            params.add(new Object[] {"region", region});
        }
        if (chain != null) {
            where.append(" AND CAST(s.chains AS jsonb) @> jsonb_build_array(CAST(:chain AS text))");
            params.add(new Object[] {"chain", chain});
        }
        if (status != null) {
            where.append(" AND s.status = :status");
            params.add(new Object[] {"status", status.name()});
        }
        if (participant != null) {
            where.append(" AND CAST(s.participant_ids AS jsonb) @> jsonb_build_array(CAST(:participant AS text))");
            params.add(new Object[] {"participant", participant.toString()});
        }
        if (from != null) {
            where.append(" AND s.session_date >= :from");
            params.add(new Object[] {"from", from});
        }
        if (to != null) {
            where.append(" AND s.session_date <= :to");
            params.add(new Object[] {"to", to});
        }
        return NativePages.page(MatchmakingSession.class, "s", "FROM matchmaking_session s" + where, "s.session_date, s.id",
                params, page, size);
    }

    // ---

    private Uni<Void> emit(String type, MatchmakingSession session) {
        return outbox.append(Topics.SESSIONS, type, EventSources.DEMAND, session.id, DemandMapper.toSnapshot(session)).replaceWithVoid();
    }

    /** An operator organises anywhere; a bureau only within its region (Viewer.coversRegion). */
    private static void requireOrganises(String regionCode, Caller caller) {
        if (!caller.viewer().coversRegion(regionCode)) {
            throw ProblemException.forbidden(caller.regionPrefix()
                    .map(prefix -> "A bureau for region " + prefix + " organises sessions only within it, not in " + regionCode)
                    .orElse("Only a bureau (within its region) or an operator organises sessions"));
        }
    }

    private static <T> Uni<Map<UUID, T>> byId(Supplier<Uni<List<T>>> found, List<UUID> ids, Function<T, UUID> id) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return found.get().map(list -> list.stream().collect(Collectors.toMap(id, Function.identity())));
    }

    static LocalDate today() {
        return LocalDate.now(PROGRAMME_ZONE);
    }
}
