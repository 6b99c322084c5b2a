-- The consumer reads, per batch, who has already been told of the batch's demands (a repeated candidate list notifies
-- only newcomers). Without this index that read was a sequential scan of the whole notification table, per batch.
-- Not partial on recipient_kind: the query binds the kind as a parameter, which a generic plan cannot match to a predicate.
CREATE INDEX notification_demand ON notification (demand_id);
