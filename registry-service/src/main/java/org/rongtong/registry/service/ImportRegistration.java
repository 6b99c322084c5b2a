package org.rongtong.registry.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntPredicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.rongtong.registry.model.ImportJob;
import org.rongtong.registry.model.ImportJob.Rejection;
import org.rongtong.web.problem.Problem.FieldError;

import io.agroal.api.AgroalDataSource;

/**
 * The second pass of an import (ADR 0013): copies the chunks the first pass prepared into the database. Chunk by
 * chunk, each chunk one transaction holding its enterprises, their registered events (the outbox), their lines and the
 * job's progress, so that a restart resumes after the last committed line; or, for an atomic job, everything in one
 * transaction or nothing.
 */
@ApplicationScoped
public class ImportRegistration {

    private static final int CHUNK_ATTEMPTS = 3;
    private static final String TAKEN = "an active enterprise with this code is already registered";
    private static final String ENTERPRISE_COPY = "COPY enterprise (id, version, name, english_name, credit_code, kind, tier, "
            + "tier_level, tier_year, tier_valid_until, region_code, chains, capabilities, description, products, certifications, "
            + "willingness, employees, revenue, year_founded, contacts, active, registered_at, updated_at) FROM STDIN";
    private static final String OUTBOX_COPY = "COPY outbox_event (event_id, topic, record_key, type, source, subject, payload, "
            + "occurred_at) FROM STDIN";
    private static final String CHUNK_LINES = "INSERT INTO import_job_chunk (job_id, first_line, lines, enterprise_ids) VALUES (?, ?, ?, ?)";

    private final AgroalDataSource db;
    private final ImportJobStore jobs;
    private volatile boolean stopping;

    public ImportRegistration(AgroalDataSource db, ImportJobStore jobs) {
        this.db = db;
        this.jobs = jobs;
    }

    /** Signals a shutdown between two chunks: the job stays RUNNING with its file and resumes at the next start. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopping", null, false, false);
        }
    }

    /** From now on, every job stops before its next chunk. */
    void stop() {
        stopping = true;
    }

    /** Registers the job's rows after its last committed line. */
    void register(ImportJob job) throws Exception {
        if (job.atomic) {
            registerAtomically(job);
        } else {
            eachChunk(job, chunk -> write(job, chunk));
        }
    }

    /** Hands each prepared chunk still to register (rows after the last committed line) to {@code handler}. */
    private void eachChunk(ImportJob job, ChunkHandler handler) throws Exception {
        int resumeAfter = job.lastLine;
        try (PreparedRows.Reader chunks = new PreparedRows.Reader(Path.of(job.spoolPath))) {
            for (PreparedRows.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                if (chunk.lastLine() <= resumeAfter) {
                    continue;
                }
                if (stopping) {
                    throw new Stopped();
                }
                handler.accept(new Pending(chunk, resumeAfter));
            }
        }
    }

    private interface ChunkHandler {
        void accept(Pending chunk) throws Exception;
    }

    /** A prepared chunk and which of its rows go in: those after {@code resumeAfter} whose code is not taken. */
    private record Pending(PreparedRows.Chunk rows, int resumeAfter) {
    }

    private record Inserted(int registered, List<Rejection> taken) {
    }

    /** Commits one chunk: its rows, their events, their lines and the job's progress in one transaction. */
    private void write(ImportJob job, Pending chunk) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Inserted inserted = insert(c, job, chunk);
                    List<Rejection> taken = inserted.taken();
                    List<Rejection> all = taken.isEmpty() ? null : merged(job.rejections, taken);
                    int last = chunk.rows().lastLine();
                    jobs.progress(c, job.id, inserted.registered(), all, last);
                    c.commit();
                    job.lastLine = last;
                    if (all != null) {
                        job.rejections = all;
                    }
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    // a code registered by someone else between the check and the insert: check again
                    if (!"23505".equals(e.getSQLState()) || attempt >= CHUNK_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    private void registerAtomically(ImportJob job) throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            List<Rejection> taken = new ArrayList<>();
            int[] registered = {0};
            try {
                eachChunk(job, chunk -> {
                    if (taken.isEmpty()) {
                        Inserted now = insert(c, job, chunk);
                        taken.addAll(now.taken());
                        registered[0] += now.registered();
                    } else {
                        // the file is refused already: only find the other codes that are taken, to list them all
                        taken.addAll(takenCodes(c, chunk));
                    }
                });
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
            if (taken.isEmpty()) {
                jobs.progress(c, job.id, registered[0], null, job.lastLine);
                c.commit();
            } else {
                // everything or nothing: the registered rows go, the taken codes are the job's answer
                c.rollback();
                jobs.progress(c, job.id, 0, merged(job.rejections, taken), job.lastLine);
                c.commit();
            }
        }
    }

    private static List<Rejection> merged(List<Rejection> before, List<Rejection> more) {
        List<Rejection> all = new ArrayList<>(before);
        all.addAll(more);
        all.sort(Comparator.comparingInt(Rejection::line));
        return all;
    }

    /** Copies a chunk's rows still to register into the database, leaving out those whose code is taken. */
    private Inserted insert(Connection c, ImportJob job, Pending pending) throws SQLException {
        PreparedRows.Chunk chunk = pending.rows();
        List<Rejection> refused = takenCodes(c, pending);
        Set<Integer> refusedLines = new HashSet<>();
        refused.forEach(r -> refusedLines.add(r.line()));
        IntPredicate skip = i -> chunk.lines()[i] <= pending.resumeAfter() || refusedLines.contains(chunk.lines()[i]);
        List<Integer> lines = new ArrayList<>(chunk.size());
        List<UUID> ids = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            if (!skip.test(i)) {
                lines.add(chunk.lines()[i]);
                ids.add(chunk.ids()[i]);
            }
        }
        int registered = lines.size();
        if (registered > 0) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            chunk.enterprises().copyInto(copy, ENTERPRISE_COPY, skip);
            // COPY fires the outbox's statement trigger too, so the relay wakes at commit
            chunk.events().copyInto(copy, OUTBOX_COPY, skip);
            try (PreparedStatement s = c.prepareStatement(CHUNK_LINES)) {
                s.setObject(1, job.id);
                s.setInt(2, lines.get(0));
                s.setArray(3, c.createArrayOf("int4", lines.toArray()));
                s.setArray(4, c.createArrayOf("uuid", ids.toArray()));
                s.executeUpdate();
            }
        }
        return new Inserted(registered, refused);
    }

    /** The rows (after the resume point) whose code an active enterprise holds already. */
    private static List<Rejection> takenCodes(Connection c, Pending pending) throws SQLException {
        PreparedRows.Chunk chunk = pending.rows();
        Set<String> taken = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT credit_code FROM enterprise WHERE active AND credit_code = ANY (?)")) {
            s.setArray(1, c.createArrayOf("varchar", chunk.codes()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    taken.add(r.getString(1).strip());
                }
            }
        }
        List<Rejection> refused = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            if (chunk.lines()[i] > pending.resumeAfter() && taken.contains(chunk.codes()[i])) {
                refused.add(new Rejection(chunk.lines()[i], List.of(new FieldError("creditCode", TAKEN))));
            }
        }
        return refused;
    }
}
