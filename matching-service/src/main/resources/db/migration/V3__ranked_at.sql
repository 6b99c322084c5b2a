-- When the demand was first ranked: later fits (reverse matching) join its list from then on, even an empty one.
ALTER TABLE open_demand ADD COLUMN ranked_at TIMESTAMPTZ;
UPDATE open_demand d SET ranked_at = now() WHERE EXISTS (SELECT 1 FROM match m WHERE m.demand_id = d.id);
