-- How far the projection has applied each topic (docs/adr/0023-replicas-that-agree.md): the last offset per partition,
-- written in the same transaction as the change it records. A replica's index starts reading after it; a demand's
-- ranking waits until the replica's index has read that far; GET /api/v1/matching/status shows it beside the lag.
CREATE TABLE projection_watermark (
    topic        TEXT        NOT NULL,
    partition    INT         NOT NULL,
    last_offset  BIGINT      NOT NULL,
    record_time  TIMESTAMPTZ NOT NULL,
    applied_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (topic, partition)
);
