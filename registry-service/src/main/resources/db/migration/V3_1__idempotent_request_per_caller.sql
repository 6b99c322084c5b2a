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
-- replaces the keys registry-service kept without the caller (V3); a key stored there was never scoped per caller
DROP TABLE idempotency_key;
