-- The W3C trace context of the transaction that wrote the event (ADR traces-across-kafka): the relay sends it as the
-- record's traceparent/tracestate headers, so a consumer's work continues the producer's trace. Null when tracing is off.
-- Repeatable and idempotent, so it fits every service's own version sequence (the outbox's V0_1 sits below them).
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS traceparent VARCHAR(55);
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS tracestate VARCHAR(512);
