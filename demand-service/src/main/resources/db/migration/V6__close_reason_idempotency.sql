-- Why the platform closed an open proposal (its demand ended, its proposer was deactivated); null otherwise.
ALTER TABLE proposal ADD COLUMN close_reason VARCHAR(30);
-- the open proposals of a demand are closed together when the demand ends
CREATE INDEX proposal_open_by_demand ON proposal (demand_id) WHERE status = 'OPEN';
-- and of a proposer when it is deactivated
CREATE INDEX proposal_open_by_proposer ON proposal (proposer_id) WHERE status = 'OPEN';
-- the published demands of a publisher are withdrawn together when it is deactivated
CREATE INDEX demand_published_by_publisher ON demand (publisher_id) WHERE status = 'PUBLISHED';
-- Idempotency-Key records, per caller (platform/persistence IdempotencyKeys, ADR 0015): the same caller, key and body
-- answer the first result; another caller with the same key is independent.
CREATE TABLE idempotent_request (
    scope           VARCHAR(40)  NOT NULL,
    caller          VARCHAR(300) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    resource_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, caller, idempotency_key)
);
