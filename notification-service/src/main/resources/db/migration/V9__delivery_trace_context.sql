-- The W3C trace context of the event a delivery carries (ADR traces-across-kafka): the webhook request continues the
-- trace that began with the REST call behind the event. Null for events that came without one (tracing off).
ALTER TABLE delivery ADD COLUMN traceparent VARCHAR(55);
ALTER TABLE delivery ADD COLUMN tracestate VARCHAR(512);
