-- Ranking reads the demand's preferences (tiers, in-province, minimum size, annual volume; optional in v1 events)
-- and the candidate's size to weigh them (ADR 0011). Preferences are one JSON text, as the other structured columns.
ALTER TABLE open_demand ADD COLUMN preferences TEXT;
ALTER TABLE candidate ADD COLUMN employees INTEGER;
ALTER TABLE candidate ADD COLUMN revenue NUMERIC(18, 2);
