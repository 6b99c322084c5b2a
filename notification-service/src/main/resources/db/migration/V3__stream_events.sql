-- Every event the service handled, in time order (UUIDv7 id), for the live stream and its Last-Event-ID replay.
-- Filters and scopes read the facts columns; payload is the CloudEvent in JSON structured mode.
CREATE TABLE stream_event (
    id           UUID PRIMARY KEY,
    event_id     VARCHAR(200) NOT NULL UNIQUE,
    event_type   VARCHAR(200) NOT NULL,
    region_code  VARCHAR(6),
    chain        VARCHAR(100),
    field        VARCHAR(50),
    enterprises  TEXT         NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL
);
