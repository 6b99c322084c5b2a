package org.rongtong.registry.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rongtong.registry.model.ImportJob;
import org.rongtong.registry.model.ImportJob.Registered;
import org.rongtong.registry.model.ImportJob.Rejection;
import org.rongtong.web.problem.ProblemException;

import io.agroal.api.AgroalDataSource;

/**
 * The rows of an import job: the job itself, its idempotency key, its progress and the lines it registered. Plain JDBC,
 * because the second pass writes progress in the same connection as its {@code COPY}.
 */
@ApplicationScoped
public class ImportJobStore {

    static final String IDEMPOTENCY_SCOPE = "import";
    private static final String JOB_COLUMNS = "id, status, format, atomic, total, done, rejected, rejections, failure, created_at, "
            + "finished_at, owner, charset, last_line, spool_path, node, heartbeat_at";

    private final AgroalDataSource db;
    private final ImportJob.RejectionsConverter rejectionsJson = new ImportJob.RejectionsConverter();

    public ImportJobStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The job with the enterprises registered so far (when asked for), or null. */
    ImportJob find(UUID id, boolean withRegistered) {
        try (Connection c = db.getConnection()) {
            ImportJob job = load(c, id);
            if (job != null && withRegistered) {
                job.registered = registered(c, id);
            }
            return job;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read import job " + id, e);
        }
    }

    /** Stores the job and remembers the key in one transaction; a repeated key returns the first job instead. */
    ImportService.Started store(ImportJob job, String key, byte[] fingerprint) {
        String hash = HexFormat.of().formatHex(fingerprint);
        for (int attempt = 1;; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (key != null) {
                        UUID previous = previous(c, job.owner, key, hash);
                        if (previous != null) {
                            c.rollback();
                            return new ImportService.Started(load(c, previous), true);
                        }
                    }
                    insertJob(c, job);
                    if (key != null) {
                        remember(c, job, key, hash);
                    }
                    c.commit();
                    return new ImportService.Started(job, false);
                } catch (SQLException e) {
                    c.rollback();
                    // the same key committed by a concurrent request: the next round finds it
                    if (!"23505".equals(e.getSQLState()) || attempt >= 2) {
                        throw e;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store import job", e);
            }
        }
    }

    private static void remember(Connection c, ImportJob job, String key, String hash) throws SQLException {
        // keys are the caller's own (ADR 0015): the job's owner scopes them
        try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotent_request (scope, caller, "
                + "idempotency_key, request_hash, resource_id, created_at) VALUES (?, ?, ?, ?, ?, now())")) {
            s.setString(1, IDEMPOTENCY_SCOPE);
            s.setString(2, job.owner);
            s.setString(3, key);
            s.setString(4, hash);
            s.setObject(5, job.id);
            s.executeUpdate();
        }
    }

    private static UUID previous(Connection c, String owner, String key, String hash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT request_hash, resource_id FROM idempotent_request "
                + "WHERE scope = ? AND caller = ? AND idempotency_key = ?")) {
            s.setString(1, IDEMPOTENCY_SCOPE);
            s.setString(2, owner);
            s.setString(3, key);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                if (!r.getString(1).equals(hash)) {
                    throw ProblemException.unprocessable("Idempotency-Key reused",
                            "The key " + key + " was first used with a different request body");
                }
                return r.getObject(2, UUID.class);
            }
        }
    }

    /** The job's progress, in the chunk's transaction; {@code rejections} is the whole new list, or null if unchanged. */
    void progress(Connection c, UUID jobId, int done, List<Rejection> rejections, int lastLine) throws SQLException {
        String sql = rejections == null
                ? "UPDATE import_job SET done = done + ?, last_line = ?, heartbeat_at = now() WHERE id = ?"
                : "UPDATE import_job SET done = done + ?, last_line = ?, heartbeat_at = now(), rejected = ?, rejections = ? WHERE id = ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, done);
            s.setInt(2, lastLine);
            if (rejections == null) {
                s.setObject(3, jobId);
            } else {
                s.setInt(3, rejections.size());
                s.setString(4, rejectionsJson.convertToDatabaseColumn(rejections));
                s.setObject(5, jobId);
            }
            s.executeUpdate();
        }
    }

    /** Ends a RUNNING job; a job that ended already keeps its state. */
    void finish(UUID id, ImportJob.Status status, String failure) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE import_job SET status = ?, failure = ?, finished_at = now(), spool_path = NULL WHERE id = ? AND status = 'RUNNING'")) {
            s.setString(1, status.name());
            s.setString(2, failure);
            s.setObject(3, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot finish import job " + id, e);
        }
    }

    /**
     * Keeps {@code running} alive and claims, for {@code node}, the RUNNING jobs nobody runs any more: this node's own
     * from before a restart, and other nodes' once their heartbeat is older than {@code staleAfter}.
     *
     * @return the jobs claimed
     */
    List<UUID> heartbeatAndClaim(String node, UUID[] running, Duration staleAfter) {
        List<UUID> claimed = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE import_job SET heartbeat_at = now() WHERE status = 'RUNNING' AND id = ANY (?)")) {
                s.setArray(1, c.createArrayOf("uuid", running));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE import_job SET node = ?, heartbeat_at = now() "
                    + "WHERE status = 'RUNNING' AND NOT (id = ANY (?)) AND (node IS NULL OR node = ? OR heartbeat_at IS NULL "
                    + "OR heartbeat_at < ?) RETURNING id")) {
                s.setString(1, node);
                s.setArray(2, c.createArrayOf("uuid", running));
                s.setString(3, node);
                s.setTimestamp(4, Timestamp.from(Instant.now().minus(staleAfter)));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        claimed.add(r.getObject(1, UUID.class));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look for interrupted imports", e);
        }
        return claimed;
    }

    private void insertJob(Connection c, ImportJob job) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO import_job (" + JOB_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())")) {
            s.setObject(1, job.id);
            s.setString(2, job.status.name());
            s.setString(3, job.format);
            s.setBoolean(4, job.atomic);
            s.setInt(5, job.total);
            s.setInt(6, job.done);
            s.setInt(7, job.rejected);
            s.setString(8, rejectionsJson.convertToDatabaseColumn(job.rejections));
            s.setString(9, job.failure);
            s.setTimestamp(10, Timestamp.from(job.createdAt));
            s.setTimestamp(11, job.finishedAt == null ? null : Timestamp.from(job.finishedAt));
            s.setString(12, job.owner);
            s.setString(13, job.charset);
            s.setInt(14, job.lastLine);
            s.setString(15, job.spoolPath);
            s.setString(16, job.node);
            s.executeUpdate();
        }
    }

    private ImportJob load(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM import_job WHERE id = ?")) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? job(r) : null;
            }
        }
    }

    private ImportJob job(ResultSet r) throws SQLException {
        ImportJob job = new ImportJob();
        job.id = r.getObject("id", UUID.class);
        job.status = ImportJob.Status.valueOf(r.getString("status"));
        job.format = r.getString("format");
        job.atomic = r.getBoolean("atomic");
        job.total = r.getInt("total");
        job.done = r.getInt("done");
        job.rejected = r.getInt("rejected");
        List<Rejection> rejections = rejectionsJson.convertToEntityAttribute(r.getString("rejections"));
        job.rejections = rejections == null ? new ArrayList<>() : new ArrayList<>(rejections);
        job.failure = r.getString("failure");
        job.createdAt = instant(r.getTimestamp("created_at"));
        job.finishedAt = instant(r.getTimestamp("finished_at"));
        job.owner = r.getString("owner");
        job.charset = r.getString("charset");
        job.lastLine = r.getInt("last_line");
        job.spoolPath = r.getString("spool_path");
        job.node = r.getString("node");
        job.heartbeatAt = instant(r.getTimestamp("heartbeat_at"));
        return job;
    }

    private static List<Registered> registered(Connection c, UUID id) throws SQLException {
        List<Registered> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT r.line, r.enterprise_id FROM import_job_chunk, "
                + "unnest(lines, enterprise_ids) AS r (line, enterprise_id) WHERE job_id = ? ORDER BY r.line")) {
            s.setObject(1, id);
            s.setFetchSize(10_000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Registered(r.getInt(1), r.getObject(2, UUID.class)));
                }
            }
        }
        return out;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
