-- A job's registered lines, one row per committed chunk (its lines and enterprise ids as two parallel arrays) instead
-- of one row per line: a 100,000-row import wrote 100,000 index entries only to be listed back in line order, a tenth
-- of PostgreSQL's share of the import. The answer is the same: unnest gives the lines back in order.
CREATE TABLE import_job_chunk (
    job_id         UUID   NOT NULL,
    first_line     INT    NOT NULL,
    lines          INT[]  NOT NULL,
    enterprise_ids UUID[] NOT NULL,
    PRIMARY KEY (job_id, first_line),
    CHECK (cardinality(lines) = cardinality(enterprise_ids))
);

INSERT INTO import_job_chunk (job_id, first_line, lines, enterprise_ids)
SELECT job_id, min(line), array_agg(line ORDER BY line), array_agg(enterprise_id ORDER BY line)
FROM import_job_row GROUP BY job_id;

DROP TRIGGER import_job_deleted ON import_job;
DROP FUNCTION import_job_rows_go_with_their_job();
DROP TABLE import_job_row;

-- no foreign key, as before (V4_3): the trigger removes a job's chunks with the job
CREATE FUNCTION import_job_chunks_go_with_their_job() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM import_job_chunk WHERE job_id = OLD.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER import_job_deleted
    AFTER DELETE ON import_job
    FOR EACH ROW EXECUTE FUNCTION import_job_chunks_go_with_their_job();
