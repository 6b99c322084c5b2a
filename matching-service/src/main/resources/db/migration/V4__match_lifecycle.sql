-- A match's lifecycle: each move bumps the version (optimistic concurrency: two racing moves, one wins).
ALTER TABLE match ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE match ADD COLUMN updated_at TIMESTAMPTZ;
ALTER TABLE match ADD COLUMN shortlisted_at TIMESTAMPTZ;
ALTER TABLE match ADD COLUMN answered_at TIMESTAMPTZ;
-- RANKED: the demand's own ranking; REVERSE: a later-registered fit; PROPOSAL: the enterprise proposed unasked
ALTER TABLE match ADD COLUMN origin VARCHAR(20) NOT NULL DEFAULT 'RANKED';
ALTER TABLE match ADD COLUMN note VARCHAR(500);
UPDATE match SET updated_at = created_at;
ALTER TABLE match ALTER COLUMN updated_at SET NOT NULL;

-- the publisher's reserve pools and the KPIs read matches by status
CREATE INDEX match_status ON match (status, enterprise_id);

-- Kind, tier and region of the candidate are in its projection; sessions come from demand.sessions.v1 (for the KPIs).
CREATE TABLE session (
    id          UUID PRIMARY KEY,
    version     BIGINT      NOT NULL,
    region_code VARCHAR(6)  NOT NULL,
    held_on     DATE        NOT NULL,
    chains      TEXT        NOT NULL,
    status      VARCHAR(20) NOT NULL
);
CREATE INDEX session_region ON session (region_code text_pattern_ops);

-- Proposals already counted as interest, so a replayed proposal event moves nothing twice.
CREATE TABLE proposal_seen (
    id       UUID PRIMARY KEY,
    version  BIGINT NOT NULL
);
