-- A finished job pruned by retention (ADR 0012) takes its registered lines with it. The per-row check costs COPY
-- nothing measurable (bench/registry-import.sh: 11.2 s with it, 11.3 s without).
ALTER TABLE import_job_row
    ADD CONSTRAINT import_job_row_job FOREIGN KEY (job_id) REFERENCES import_job (id) ON DELETE CASCADE;
