-- The foreign key from import_job_row to import_job checked the job once per registered line, inside the bulk import's
-- COPY (100,000 lookups of the same job for 100,000 rows). The import writes the lines of a job it has just stored, in
-- the same transaction as its progress, so the check can never fail; what the key still did, removing a job's lines
-- with the job (retention), a trigger on the job does now, at the cost of nothing when lines are written.
ALTER TABLE import_job_row DROP CONSTRAINT import_job_row_job;

CREATE FUNCTION import_job_rows_go_with_their_job() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM import_job_row WHERE job_id = OLD.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER import_job_deleted
    AFTER DELETE ON import_job
    FOR EACH ROW EXECUTE FUNCTION import_job_rows_go_with_their_job();
