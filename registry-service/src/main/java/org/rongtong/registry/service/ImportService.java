package org.rongtong.registry.service;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.rongtong.ids.UuidV7;
import org.rongtong.registry.model.ImportJob;
import org.rongtong.web.problem.ProblemException;

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
 * <p>This class coordinates the parts and owns the threads and the recovery after a restart: {@link ImportCheck} (the
 * first pass), {@link ImportChunkBuilder} (rows as stored, built beside the check), {@link ImportJobStore} (the job's
 * rows) and {@link ImportRegistration} (the second pass).
 *
 * <p>Everything here blocks (disk, JDBC with {@code COPY}): callers run it on worker threads, never on an event loop.
 * Large jobs run on one background thread of their own.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    static final int CHUNK = 1000;

    private final ImportCheck check;
    private final ImportJobStore jobs;
    private final ImportChunkBuilder chunkBuilder;
    private final ImportRegistration registration;
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

    public ImportService(ImportCheck check, ImportJobStore jobs, ImportChunkBuilder chunkBuilder,
            ImportRegistration registration,
            @ConfigProperty(name = "rongtong.registry.import.spool-directory") Optional<String> spoolDirectory,
            @ConfigProperty(name = "rongtong.registry.import.node") Optional<String> node,
            @ConfigProperty(name = "rongtong.registry.import.stale-after", defaultValue = "2m") Duration staleAfter,
            @ConfigProperty(name = "rongtong.registry.import.heartbeat-every", defaultValue = "30s") Duration heartbeatEvery, Vertx vertx) {
        this.check = check;
        this.jobs = jobs;
        this.chunkBuilder = chunkBuilder;
        this.registration = registration;
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
            ImportCheck.Checked checked;
            try (PreparedRows.Writer<ImportFile.Row> rows = new PreparedRows.Writer<>(prepared, builders, builderCount, CHUNK,
                    chunkBuilder::build)) {
                checked = check.check(format, upload, rows, atomic);
                rows.finish();
            }
            if (checked.total() == 0) {
                throw ProblemException.invalid("file", "has no rows");
            }
            ImportJob job = new ImportJob();
            job.id = id;
            job.status = ImportJob.Status.RUNNING;
            job.format = format;
            job.atomic = atomic;
            job.total = checked.total();
            job.rejected = checked.rejections().size();
            job.rejections = checked.rejections();
            job.createdAt = Instant.now();
            job.owner = owner;
            job.charset = upload.charset().name();
            job.spoolPath = prepared.toString();
            job.node = node;
            if (atomic && !checked.rejections().isEmpty() || checked.rejections().size() == checked.total()) {
                job.status = ImportJob.Status.COMPLETED;
                job.finishedAt = job.createdAt;
                job.spoolPath = null;
            }
            Started started = jobs.store(job, idempotencyKey, ImportCheck.fingerprint(owner, format, atomic, upload));
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
        return jobs.find(id, withRegistered);
    }

    // ---------------------------------------------------------------- second pass: register the valid rows

    private void run(UUID id) {
        active.add(id);
        ImportJob job = null;
        try {
            job = find(id, false);
            if (job == null || job.status != ImportJob.Status.RUNNING) {
                return;
            }
            if (job.spoolPath == null || !Files.isReadable(Path.of(job.spoolPath))) {
                jobs.finish(id, ImportJob.Status.FAILED, gone(job, "is gone (the service restarted without it)"));
                return;
            }
            registration.register(job);
            jobs.finish(id, ImportJob.Status.COMPLETED, null);
            Files.deleteIfExists(Path.of(job.spoolPath));
        } catch (PreparedRows.NotPrepared e) {
            jobs.finish(id, ImportJob.Status.FAILED, gone(job, e.getMessage()));
            deleteQuietly(job.spoolPath);
        } catch (ImportRegistration.Stopped e) {
            LOG.infof("Import %s paused by shutdown after line %d; it resumes at the next start", id, job.lastLine);
        } catch (Exception e) {
            LOG.error("Import " + id + " failed", e);
            try {
                jobs.finish(id, ImportJob.Status.FAILED, String.valueOf(e.getMessage()));
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

    // ---------------------------------------------------------------- recovery after a restart

    /**
     * Keeps this node's running jobs alive and takes over the others that are RUNNING but no longer run: this node's
     * from before its restart at once, other nodes' once their heartbeat is older than {@code stale-after}. A job
     * whose file is still on disk is resumed after its last committed line; one whose file is gone ends FAILED.
     *
     * @return the jobs taken over
     */
    public List<UUID> recover() {
        List<UUID> claimed = jobs.heartbeatAndClaim(node, active.toArray(UUID[]::new), staleAfter);
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
        registration.stop();
        runner.shutdown();
        runner.awaitTermination(20, TimeUnit.SECONDS);
        builders.shutdown();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
