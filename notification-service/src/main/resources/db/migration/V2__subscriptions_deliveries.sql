-- A webhook subscription: who owns it (its scope), where it posts, what it wants, and how it signs.
CREATE TABLE subscription (
    id                     UUID PRIMARY KEY,
    owner_kind             VARCHAR(20)  NOT NULL,
    owner_enterprise_id    UUID,
    owner_region           VARCHAR(6),
    url                    VARCHAR(2000) NOT NULL,
    description            VARCHAR(500),
    event_types            TEXT         NOT NULL,
    region_prefix          VARCHAR(6),
    chains                 TEXT         NOT NULL,
    fields                 TEXT         NOT NULL,
    secret                 VARCHAR(100) NOT NULL,
    previous_secret        VARCHAR(100),
    previous_secret_until  TIMESTAMPTZ,
    status                 VARCHAR(20)  NOT NULL,
    consecutive_failures   INT          NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ  NOT NULL,
    version                BIGINT       NOT NULL
);

-- One event for one subscription. PENDING rows are the durable queue: a restart resumes from them.
-- A claimed row stays PENDING with next_attempt_at pushed past the attempt's timeout (a lease), so a crash mid-send
-- only delays it; the receiver discards the repeat by webhook-id.
CREATE TABLE delivery (
    id               UUID PRIMARY KEY,
    subscription_id  UUID         NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id         VARCHAR(200) NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    aggregate_id     VARCHAR(200) NOT NULL,
    payload          TEXT         NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    last_status_code INT,
    last_error       VARCHAR(500),
    last_latency_ms  BIGINT,
    created_at       TIMESTAMPTZ  NOT NULL,
    delivered_at     TIMESTAMPTZ,
    CONSTRAINT delivery_once UNIQUE (subscription_id, event_id)
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
-- ordering check: an earlier pending delivery of the same subscription and aggregate holds back later ones
CREATE INDEX delivery_aggregate ON delivery (subscription_id, aggregate_id, id) WHERE status = 'PENDING';
CREATE INDEX delivery_log ON delivery (subscription_id, id DESC);

CREATE TABLE delivery_attempt (
    id           UUID PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    attempt      INT         NOT NULL,
    status_code  INT,
    error        VARCHAR(500),
    latency_ms   BIGINT      NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX delivery_attempt_delivery ON delivery_attempt (delivery_id, attempt);
