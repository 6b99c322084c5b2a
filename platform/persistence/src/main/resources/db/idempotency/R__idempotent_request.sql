-- Idempotency-Key records, per caller (IdempotencyKeys, ADR 0015): the same caller, key and body answer the first
-- result; another caller with the same key is independent. One definition for every service that takes keys (it adds
-- db/idempotency to quarkus.flyway.locations). Repeatable, so it fits any service's own version sequence; a change
-- to this table later needs a versioned migration of its own.
CREATE TABLE IF NOT EXISTS idempotent_request (
    scope           VARCHAR(40)  NOT NULL,
    caller          VARCHAR(300) NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    CHAR(64)     NOT NULL,
    resource_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, caller, idempotency_key)
);
