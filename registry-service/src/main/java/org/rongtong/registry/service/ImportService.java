package org.rongtong.registry.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.outbox.Outbox;
import org.rongtong.outbox.UuidV7;
import org.rongtong.persistence.UniqueViolation;
import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.model.ImportJob;
import org.rongtong.registry.model.ImportJob.Rejection;
import org.rongtong.web.problem.Problem.FieldError;
import org.rongtong.web.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Bulk registration. Every row is validated first (constraints, reference codes, duplicates in the file); then valid
 * rows are registered in chunks, each chunk one transaction with its events, and the job records progress. With
 * {@code atomic}, one bad row rejects the file and everything is registered in a single transaction or nothing is.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    static final String IDEMPOTENCY_SCOPE = "import";
    private static final int CHUNK = 500;

    private final ProfileRules rules;
    private final Outbox outbox;
    private final IdempotencyKeys idempotency;
    private final ObjectMapper mapper;

    public ImportService(ProfileRules rules, Outbox outbox, IdempotencyKeys idempotency, ObjectMapper mapper) {
        this.rules = rules;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.mapper = mapper;
    }

    /** A job ready to run: the rows read and checked, the job row stored (or the earlier job for a repeated key). */
    public record Prepared(ImportJob job, List<ImportFile.Row> valid, boolean replayed) {
    }

    public Uni<Prepared> prepare(String format, byte[] body, boolean atomic, String idempotencyKey) {
        List<ImportFile.Row> rows = ImportFile.read(format, body, mapper);
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "has no rows");
        }
        List<Rejection> rejections = new ArrayList<>();
        List<ImportFile.Row> valid = new ArrayList<>();
        Map<String, Integer> firstLineOfCode = new HashMap<>();
        for (ImportFile.Row row : rows) {
            List<FieldError> errors = new ArrayList<>(row.errors());
            if (row.request() != null && errors.isEmpty()) {
                errors.addAll(rules.problems(row.request()));
                Integer earlier = row.request().creditCode() == null ? null : firstLineOfCode.putIfAbsent(row.request().creditCode(), row.line());
                if (earlier != null) {
                    errors.add(new FieldError("creditCode", "repeats line " + earlier + " of this file"));
                }
            }
            if (errors.isEmpty()) {
                valid.add(row);
            } else {
                rejections.add(new Rejection(row.line(), errors));
            }
        }
        byte[] fingerprint = (format + "|" + atomic + "|").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] keyed = new byte[fingerprint.length + body.length];
        System.arraycopy(fingerprint, 0, keyed, 0, fingerprint.length);
        System.arraycopy(body, 0, keyed, fingerprint.length, body.length);
        return Panache.withTransaction(() -> idempotency.previous(IDEMPOTENCY_SCOPE, idempotencyKey, keyed).chain(previous -> {
            if (previous != null) {
                return ImportJob.<ImportJob>findById(previous).map(job -> new Prepared(job, List.of(), true));
            }
            ImportJob job = new ImportJob();
            job.id = UuidV7.next();
            job.status = ImportJob.Status.RUNNING;
            job.format = format;
            job.atomic = atomic;
            job.total = rows.size();
            job.rejected = rejections.size();
            job.rejections = rejections;
            job.createdAt = Instant.now();
            boolean refused = atomic && !rejections.isEmpty();
            if (refused) {
                job.status = ImportJob.Status.COMPLETED;
                job.finishedAt = Instant.now();
            }
            return job.persist().call(() -> idempotency.remember(IDEMPOTENCY_SCOPE, idempotencyKey, keyed, job.id))
                    .map(ignored -> new Prepared(job, refused ? List.of() : valid, false));
        })).onFailure(UniqueViolation::in).transform(e -> ProblemException.conflict("Idempotency-Key in use",
                "Another request with this key is being processed; send it again for its result"));
    }

    /** Registers the valid rows; the job shows progress after every chunk. */
    public Uni<ImportJob> run(Prepared prepared) {
        ImportJob job = prepared.job();
        if (prepared.replayed() || job.status != ImportJob.Status.RUNNING) {
            return Uni.createFrom().item(job);
        }
        List<ImportFile.Row> valid = prepared.valid();
        Uni<Void> work;
        if (job.atomic) {
            // a code already registered in the database rejects the whole file: failing inside rolls everything back
            work = Panache.withTransaction(() -> insertChunks(valid, true).invoke(rejected -> {
                if (!rejected.isEmpty()) {
                    throw new AtomicRejection(rejected);
                }
            })).chain(() -> progress(job.id, valid.size(), List.of()))
                    .onFailure(AtomicRejection.class).recoverWithUni(e -> progress(job.id, 0, ((AtomicRejection) e).rejections));
        } else {
            work = Uni.createFrom().voidItem();
            for (int i = 0; i < valid.size(); i += CHUNK) {
                List<ImportFile.Row> chunk = valid.subList(i, Math.min(valid.size(), i + CHUNK));
                work = work.chain(() -> Panache.withTransaction(() -> insertChunks(chunk, false))
                        .chain(rejected -> progress(job.id, chunk.size() - rejected.size(), rejected)));
            }
        }
        return work.chain(() -> finish(job.id, null))
                .onFailure().recoverWithUni(e -> {
                    LOG.error("Import " + job.id + " failed", e);
                    return finish(job.id, e.getMessage());
                });
    }

    @WithSession
    public Uni<ImportJob> find(UUID id) {
        return ImportJob.<ImportJob>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Import", id));
    }

    /** Inserts rows (in chunks within the current transaction); returns the rows refused because the code is taken. */
    private Uni<List<Rejection>> insertChunks(List<ImportFile.Row> rows, boolean all) {
        Uni<List<Rejection>> chain = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < rows.size(); i += CHUNK) {
            List<ImportFile.Row> chunk = rows.subList(i, Math.min(rows.size(), i + CHUNK));
            chain = chain.chain(rejected -> insert(chunk).map(more -> {
                rejected.addAll(more);
                return rejected;
            }));
            if (!all) {
                break;
            }
        }
        return chain;
    }

    private Uni<List<Rejection>> insert(List<ImportFile.Row> chunk) {
        List<String> codes = chunk.stream().map(r -> r.request().creditCode()).toList();
        return Enterprise.<Enterprise>find("active = true and creditCode in ?1", codes).project(CodeOnly.class).list()
                .chain(taken -> {
                    Set<String> takenCodes = new HashSet<>();
                    taken.forEach(t -> takenCodes.add(t.creditCode));
                    List<Rejection> rejected = new ArrayList<>();
                    List<Enterprise> fresh = new ArrayList<>();
                    for (ImportFile.Row row : chunk) {
                        if (takenCodes.contains(row.request().creditCode())) {
                            rejected.add(new Rejection(row.line(), List.of(new FieldError("creditCode",
                                    "an active enterprise with this code is already registered"))));
                        } else {
                            fresh.add(EnterpriseService.newEnterprise(row.request()));
                        }
                    }
                    List<Outbox.Pending> events = fresh.stream().map(e -> new Outbox.Pending(Topics.ENTERPRISES,
                            EventTypes.ENTERPRISE_REGISTERED, EventSources.REGISTRY, e.id, EnterpriseMapper.toSnapshot(e))).toList();
                    return Enterprise.persist(fresh)
                            .chain(() -> Panache.getSession().chain(s -> s.flush()))
                            .chain(() -> outbox.appendAll(events))
                            .replaceWith(rejected);
                });
    }

    private Uni<Void> progress(UUID jobId, int done, List<Rejection> rejected) {
        return Panache.withTransaction(() -> ImportJob.<ImportJob>findById(jobId).invoke(job -> {
            job.done += done;
            if (!rejected.isEmpty()) {
                List<Rejection> all = new ArrayList<>(job.rejections);
                all.addAll(rejected);
                all.sort(java.util.Comparator.comparingInt(Rejection::line));
                job.rejections = all;
                job.rejected += rejected.size();
            }
        })).replaceWithVoid();
    }

    private Uni<ImportJob> finish(UUID jobId, String failure) {
        return Panache.withTransaction(() -> ImportJob.<ImportJob>findById(jobId).invoke(job -> {
            job.status = failure == null ? ImportJob.Status.COMPLETED : ImportJob.Status.FAILED;
            job.failure = failure;
            job.finishedAt = Instant.now();
        }));
    }

    /** Just the credit code, for the duplicate check. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public static class CodeOnly {
        public final String creditCode;

        public CodeOnly(String creditCode) {
            this.creditCode = creditCode;
        }
    }

    private static final class AtomicRejection extends RuntimeException {
        private final transient List<Rejection> rejections;

        AtomicRejection(List<Rejection> rejections) {
            super("rows refused in atomic mode", null, false, false);
            this.rejections = rejections;
        }
    }
}
