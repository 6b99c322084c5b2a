-- Bulk imports (ADR 0013): a job belongs to the caller who started it, runs from a file spooled to disk, records the
-- last line committed so that a restart resumes it, and lists the enterprises it registered by line.
ALTER TABLE import_job
    ADD COLUMN owner        VARCHAR(200),
    ADD COLUMN spool_path   TEXT,
    ADD COLUMN charset      VARCHAR(40),
    ADD COLUMN last_line    INT NOT NULL DEFAULT 0,
    ADD COLUMN node         VARCHAR(200),
    ADD COLUMN heartbeat_at TIMESTAMPTZ;

CREATE INDEX import_job_running ON import_job (status) WHERE status = 'RUNNING';

-- no foreign key: a per-row check would slow COPY, and jobs are never deleted
CREATE TABLE import_job_row (
    job_id        UUID NOT NULL,
    line          INT  NOT NULL,
    enterprise_id UUID NOT NULL,
    PRIMARY KEY (job_id, line)
);
