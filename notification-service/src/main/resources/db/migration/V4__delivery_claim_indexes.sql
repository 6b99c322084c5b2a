-- The dispatcher claims per subscription (at most the free room of its target): the due index leads with the
-- subscription. Its predicate on next_attempt_at is there on purpose: the claim's ordering check (the head pending row
-- of one subscription and aggregate) has no condition on next_attempt_at, so it cannot use this index and gets
-- delivery_aggregate, which answers it with one probe. Without that, on a table that grew from empty faster than
-- autovacuum analyses it, the planner took this index for the check and filtered every pending row for every due one.
DROP INDEX delivery_due;
DROP INDEX delivery_aggregate;
CREATE INDEX delivery_due ON delivery (subscription_id, next_attempt_at) WHERE status = 'PENDING' AND next_attempt_at IS NOT NULL;
CREATE INDEX delivery_aggregate ON delivery (subscription_id, aggregate_id, created_at, id) WHERE status = 'PENDING';
