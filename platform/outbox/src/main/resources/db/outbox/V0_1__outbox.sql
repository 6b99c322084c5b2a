-- The transactional outbox: rows are written in the business transaction and removed by the relay
-- only after Kafka acknowledged them. The sequence gives the publication order.
CREATE TABLE outbox_event (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID         NOT NULL UNIQUE,
    topic        VARCHAR(200) NOT NULL,
    record_key   VARCHAR(200) NOT NULL,
    type         VARCHAR(200) NOT NULL,
    source       VARCHAR(200) NOT NULL,
    subject      VARCHAR(200) NOT NULL,
    payload      TEXT         NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL
);

-- NOTIFY is transactional: the relay wakes up when the writing transaction commits, never on a rollback.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('rongtong_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_event_inserted
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
