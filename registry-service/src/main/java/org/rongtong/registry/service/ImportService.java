package org.rongtong.registry.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.rongtong.events.EnterpriseSnapshot;
import org.rongtong.events.EventSources;
import org.rongtong.events.EventTypes;
import org.rongtong.events.Topics;
import org.rongtong.ids.UuidV7;
import org.rongtong.persistence.StringListConverter;
import org.rongtong.persistence.idempotency.IdempotencyKeys;
import org.rongtong.registry.model.Enterprise;
import org.rongtong.registry.model.ImportJob;
import org.rongtong.registry.model.ImportJob.Registered;
import org.rongtong.registry.model.ImportJob.Rejection;
import org.rongtong.registry.model.WillingnessConverter;
import org.rongtong.web.problem.Problem.FieldError;
import org.rongtong.web.problem.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Bulk registration, streamed (ADR 0013). The upload is spooled to disk as it arrives; a first pass reads every row
 * and checks it (constraints, reference codes, codes repeated in the file) keeping only what it needs to judge later
 * rows; a file that cannot be read as rows is refused whole (400) before anything is written. Then the job is stored
 * and a second pass registers the valid rows in chunks, each chunk one transaction holding its enterprises, their
 * registered events (the outbox) and the job's progress, so that a restart resumes after the last committed line.
 * With {@code atomic}, one bad row rejects the file and everything is registered in one transaction or nothing is.
 *
 * <p>Everything here blocks (disk, JDBC with {@code COPY}): callers run it on worker threads, never on an event loop.
 * Large jobs run on one background thread of their own.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    static final String IDEMPOTENCY_SCOPE = "import";
    static final int CHUNK = 1000;
    private static final int CHUNK_ATTEMPTS = 3;

    private static final String ENTERPRISE_COPY = "COPY enterprise (id, version, name, english_name, credit_code, kind, tier, "
            + "tier_level, tier_year, tier_valid_until, region_code, chains, capabilities, description, products, certifications, "
            + "willingness, employees, revenue, year_founded, contacts, active, registered_at, updated_at) FROM STDIN";
    private static final String OUTBOX_COPY = "COPY outbox_event (event_id, topic, record_key, type, source, subject, payload, "
            + "occurred_at) FROM STDIN";
    private static final String CHUNK_LINES = "INSERT INTO import_job_chunk (job_id, first_line, lines, enterprise_ids) VALUES (?, ?, ?, ?)";
    private static final String JOB_COLUMNS = "id, status, format, atomic, total, done, rejected, rejections, failure, created_at, "
            + "finished_at, owner, charset, last_line, spool_path, node, heartbeat_at";

    private final ProfileRules rules;
    private final ObjectMapper mapper;
    private final ObjectWriter snapshots;
    private final AgroalDataSource db;
    private final Path spoolDirectory;
    private final String node;
    private final Duration staleAfter;
    private final Duration heartbeatEvery;
    private final Vertx vertx;
    private long timer = -1;
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "import-runner");
        t.setDaemon(true);
        return t;
    });
    // builds the rows the first pass accepts while it goes on checking; one builder per core, shared by all uploads
    private final int builderCount = Math.min(4, Runtime.getRuntime().availableProcessors());
    private final ExecutorService builders = Executors.newFixedThreadPool(builderCount, r -> {
        Thread t = new Thread(r, "import-builder");
        t.setDaemon(true);
        return t;
    });
    private final StringListConverter lists = new StringListConverter();
    private final WillingnessConverter willingness = new WillingnessConverter();
    private final Enterprise.ContactsConverter contacts = new Enterprise.ContactsConverter();
    private final ImportJob.RejectionsConverter rejectionsJson = new ImportJob.RejectionsConverter();
    private volatile boolean stopping;

    public ImportService(ProfileRules rules, ObjectMapper mapper, AgroalDataSource db,
            @ConfigProperty(name = "rongtong.registry.import.spool-directory") Optional<String> spoolDirectory,
            @ConfigProperty(name = "rongtong.registry.import.node") Optional<String> node,
            @ConfigProperty(name = "rongtong.registry.import.stale-after", defaultValue = "2m") Duration staleAfter,
            @ConfigProperty(name = "rongtong.registry.import.heartbeat-every", defaultValue = "30s") Duration heartbeatEvery, Vertx vertx) {
        this.rules = rules;
        this.mapper = mapper;
        this.snapshots = mapper.writerFor(EnterpriseSnapshot.class);
        this.db = db;
        this.spoolDirectory = Path.of(spoolDirectory.orElse(System.getProperty("java.io.tmpdir") + "/rongtong-imports"));
        this.node = node.orElseGet(ImportService::hostName);
        this.staleAfter = staleAfter;
        this.heartbeatEvery = heartbeatEvery;
        this.vertx = vertx;
    }

    /** A stored job and whether it is the earlier job of a repeated Idempotency-Key. */
    public record Started(ImportJob job, boolean replayed) {
    }

    /**
     * Spools the upload, reads and checks every row while the valid ones are built into prepared chunks, and stores
     * the job (RUNNING, or COMPLETED at once when an atomic file has a bad row). Throws a 400 problem, leaving nothing
     * behind, when the file cannot be read as rows. The upload itself is deleted once read: the job runs from its
     * prepared rows, which hold each row's registration time as the moment the check accepted it.
     */
    public Started start(String owner, String format, String declaredCharset, InputStream body, boolean atomic,
            String idempotencyKey) throws IOException {
        ImportUpload upload = ImportUpload.spool(body, declaredCharset, spoolDirectory);
        UUID id = UuidV7.next();
        active.add(id);
        Path prepared = spoolDirectory.resolve("import-" + id + ".rows");
        boolean keep = false;
        try {
            Checked checked;
            try (PreparedRows.Writer<ImportFile.Row> rows = new PreparedRows.Writer<>(prepared, builders, builderCount, CHUNK,
                    this::build)) {
                checked = check(format, upload, rows, atomic);
                rows.finish();
            }
            if (checked.total == 0) {
                throw ProblemException.invalid("file", "has no rows");
            }
            ImportJob job = new ImportJob();
            job.id = id;
            job.status = ImportJob.Status.RUNNING;
            job.format = format;
            job.atomic = atomic;
            job.total = checked.total;
            job.rejected = checked.rejections.size();
            job.rejections = checked.rejections;
            job.createdAt = Instant.now();
            job.owner = owner;
            job.charset = upload.charset().name();
            job.spoolPath = prepared.toString();
            job.node = node;
            if (atomic && !checked.rejections.isEmpty() || checked.rejections.size() == checked.total) {
                job.status = ImportJob.Status.COMPLETED;
                job.finishedAt = job.createdAt;
                job.spoolPath = null;
            }
            Started started = store(job, idempotencyKey, fingerprint(owner, format, atomic, upload));
            keep = !started.replayed() && started.job().status == ImportJob.Status.RUNNING;
            return started;
        } catch (ImportFile.Unreadable e) {
            throw e.problem();
        } finally {
            upload.delete();
            if (!keep) {
                Files.deleteIfExists(prepared);
                active.remove(id);
            }
        }
    }

    /** Runs a stored job here and now (small files, answered when done). */
    public ImportJob runNow(UUID id) {
        run(id);
        return find(id, true);
    }

    /** Runs a stored job on the background thread. */
    public void submit(UUID id) {
        active.add(id);
        runner.execute(() -> run(id));
    }

    /** The job with the enterprises registered so far (when asked for), or null. */
    public ImportJob find(UUID id, boolean withRegistered) {
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

    // ---------------------------------------------------------------- first pass: read and check every row

    private record Checked(int total, List<Rejection> rejections) {
    }

    /** Checks every row; hands the valid ones to {@code valid} (an atomic file's, only while none was bad). */
    private Checked check(String format, ImportUpload upload, PreparedRows.Writer<ImportFile.Row> valid, boolean atomic) throws IOException {
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> firstLineOfCode = new HashMap<>();
        int[] total = {0};
        try (BufferedReader text = upload.reader()) {
            ImportFile.read(format, text, mapper, row -> {
                total[0]++;
                List<FieldError> errors = new ArrayList<>(row.errors());
                if (row.request() != null && errors.isEmpty()) {
                    errors.addAll(rules.problems(row.request()));
                    String code = row.request().creditCode();
                    Integer earlier = code == null ? null : firstLineOfCode.putIfAbsent(code, row.line());
                    if (earlier != null) {
                        errors.add(new FieldError("creditCode", "repeats line " + earlier + " of this file"));
                    }
                } else if (row.request() == null && errors.isEmpty()) {
                    errors.add(new FieldError("line", "holds no profile"));
                }
                if (!errors.isEmpty()) {
                    rejections.add(new Rejection(row.line(), errors));
                } else if (!atomic || rejections.isEmpty()) {
                    try {
                        valid.add(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Checked(total[0], rejections);
    }

    private static byte[] fingerprint(String owner, String format, boolean atomic, ImportUpload upload) {
        // the owner is part of it: another caller reusing a key gets 422, never someone else's job
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((owner + "|" + format + "|" + atomic + "|" + upload.charset().name() + "|").getBytes(StandardCharsets.UTF_8));
            digest.update(upload.sha256());
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the job and remembers the key in one transaction; a repeated key returns the first job instead. */
    private Started store(ImportJob job, String key, byte[] fingerprint) {
        String hash = java.util.HexFormat.of().formatHex(fingerprint);
        for (int attempt = 1;; attempt++) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try {
                    if (key != null) {
                        UUID previous = previous(c, job.owner, key, hash);
                        if (previous != null) {
                            c.rollback();
                            return new Started(load(c, previous), true);
                        }
                    }
                    insertJob(c, job);
                    if (key != null) {
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
                    c.commit();
                    return new Started(job, false);
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

    // ---------------------------------------------------------------- second pass: register the valid rows

    /** Signals a shutdown between two chunks: the job stays RUNNING with its file and resumes at the next start. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopping", null, false, false);
        }
    }

    private void run(UUID id) {
        active.add(id);
        ImportJob job = null;
        try {
            job = find(id, false);
            if (job == null || job.status != ImportJob.Status.RUNNING) {
                return;
            }
            if (job.spoolPath == null || !Files.isReadable(Path.of(job.spoolPath))) {
                finish(id, ImportJob.Status.FAILED, gone(job, "is gone (the service restarted without it)"));
                return;
            }
            if (job.atomic) {
                registerAtomically(job);
            } else {
                registerInChunks(job);
            }
            finish(id, ImportJob.Status.COMPLETED, null);
            Files.deleteIfExists(Path.of(job.spoolPath));
        } catch (PreparedRows.NotPrepared e) {
            finish(id, ImportJob.Status.FAILED, gone(job, e.getMessage()));
            deleteQuietly(job.spoolPath);
        } catch (Stopped e) {
            LOG.infof("Import %s paused by shutdown after line %d; it resumes at the next start", id, job.lastLine);
        } catch (Exception e) {
            LOG.error("Import " + id + " failed", e);
            try {
                finish(id, ImportJob.Status.FAILED, String.valueOf(e.getMessage()));
                if (job != null) {
                    deleteQuietly(job.spoolPath);
                }
            } catch (Exception again) {
                LOG.error("Import " + id + " could not be marked FAILED; recovery will", again);
            }
        } finally {
            active.remove(id);
        }
    }

    private static String gone(ImportJob job, String why) {
        return "The uploaded file " + why + " after line " + job.lastLine + "; the rows registered so far are listed, send the others again";
    }

    private static void deleteQuietly(String path) {
        try {
            if (path != null) {
                Files.deleteIfExists(Path.of(path));
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete " + path, e);
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

    /** Chunk by chunk, each committed on its own; the chunks were built in the first pass, so this only copies. */
    private void registerInChunks(ImportJob job) throws Exception {
        eachChunk(job, chunk -> write(job, chunk));
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
                    progress(c, job.id, inserted.registered(), all, last);
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
                progress(c, job.id, registered[0], null, job.lastLine);
                c.commit();
            } else {
                // everything or nothing: the registered rows go, the taken codes are the job's answer
                c.rollback();
                progress(c, job.id, 0, merged(job.rejections, taken), job.lastLine);
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

    private static final String TAKEN = "an active enterprise with this code is already registered";

    /**
     * Builds a chunk of accepted rows as they will be stored: the same mapper and converters as a single registration.
     * Runs on the builders, while the first pass goes on checking.
     */
    private PreparedRows.Chunk build(List<ImportFile.Row> chunk) {
        int n = chunk.size();
        int[] lines = new int[n];
        String[] codes = new String[n];
        UUID[] ids = new UUID[n];
        CopyRows enterprises = new CopyRows(n * 700);
        CopyRows events = new CopyRows(n * 1400);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            ImportFile.Row row = chunk.get(i);
            // one instant per chunk, as one transaction registers it; formatted once (CopyRows remembers it)
            Enterprise e = EnterpriseService.newEnterprise(row.request(), now);
            enterprises.add(e.id, e.version, e.name, e.englishName, e.creditCode, e.kind, e.tier, e.tierLevel, e.tierYear,
                    e.tierValidUntil, e.regionCode, lists.convertToDatabaseColumn(e.chains), lists.convertToDatabaseColumn(e.capabilities),
                    e.description, e.products, lists.convertToDatabaseColumn(e.certifications),
                    willingness.convertToDatabaseColumn(e.willingness), e.employees, e.revenue == null ? null : e.revenue.toPlainString(),
                    e.yearFounded, contacts.convertToDatabaseColumn(e.contacts), "t", e.registeredAt, e.updatedAt);
            events.add(UuidV7.next(), Topics.ENTERPRISES, e.id, EventTypes.ENTERPRISE_REGISTERED, EventSources.REGISTRY, e.id,
                    snapshot(EnterpriseMapper.toSnapshot(e)), now);
            lines[i] = row.line();
            codes[i] = e.creditCode;
            ids[i] = e.id;
        }
        return new PreparedRows.Chunk(lines, codes, ids, enterprises, events);
    }

    private record Inserted(int registered, List<Rejection> taken) {
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

    /** The job's progress, in the chunk's transaction; {@code rejections} is the whole new list, or null if unchanged. */
    private void progress(Connection c, UUID jobId, int done, List<Rejection> rejections, int lastLine) throws SQLException {
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

    private void finish(UUID id, ImportJob.Status status, String failure) {
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

    // ---------------------------------------------------------------- recovery after a restart

    /**
     * Keeps this node's running jobs alive and takes over the others that are RUNNING but no longer run: this node's
     * from before its restart at once, other nodes' once their heartbeat is older than {@code stale-after}. A job
     * whose file is still on disk is resumed after its last committed line; one whose file is gone ends FAILED.
     *
     * @return the jobs taken over
     */
    public List<UUID> recover() {
        List<UUID> claimed = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            UUID[] mine = active.toArray(UUID[]::new);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE import_job SET heartbeat_at = now() WHERE status = 'RUNNING' AND id = ANY (?)")) {
                s.setArray(1, c.createArrayOf("uuid", mine));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE import_job SET node = ?, heartbeat_at = now() "
                    + "WHERE status = 'RUNNING' AND NOT (id = ANY (?)) AND (node IS NULL OR node = ? OR heartbeat_at IS NULL "
                    + "OR heartbeat_at < ?) RETURNING id")) {
                s.setString(1, node);
                s.setArray(2, c.createArrayOf("uuid", mine));
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
        for (UUID id : claimed) {
            LOG.infof("Import %s was interrupted; resuming it (or failing it if its file is gone)", id);
            submit(id);
        }
        return claimed;
    }

    void onStart(@Observes StartupEvent ignored) {
        recover();
        timer = vertx.setPeriodic(heartbeatEvery.toMillis(), id -> vertx.executeBlocking(() -> recover(), false)
                .onFailure(e -> LOG.warn("Looking for interrupted imports failed; the next round retries", e)));
    }

    void onStop(@Observes ShutdownEvent ignored) throws InterruptedException {
        vertx.cancelTimer(timer);
        stopping = true;
        runner.shutdown();
        runner.awaitTermination(20, TimeUnit.SECONDS);
        builders.shutdown();
    }

    // ---------------------------------------------------------------- rows of the job table

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
                if (!r.next()) {
                    return null;
                }
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
        }
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

    /**
     * The event's data as UTF-8, through a writer prepared once for the snapshot type (no serializer lookup per row);
     * written as bytes, it is never held as a string and encoded again.
     */
    private byte[] snapshot(EnterpriseSnapshot value) {
        try {
            return snapshots.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable", e);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
