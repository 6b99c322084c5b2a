-- Proportional reverse matching (docs/adr/0022-proportional-reverse-matching-and-deltas.md).

-- Fair exposure reads one row per enterprise instead of counting its matches: the live candidacies (proposed,
-- interested, shortlisted) each enterprise holds, kept by a trigger with every insert, move and delete of a match, so
-- no code path can forget it. A demand that ends ends its live matches (ADR 0015), so live implies an open demand.
CREATE TABLE enterprise_exposure (
    enterprise_id UUID PRIMARY KEY,
    live          INT NOT NULL
);

INSERT INTO enterprise_exposure (enterprise_id, live)
SELECT m.enterprise_id, count(*) FROM match m JOIN open_demand d ON d.id = m.demand_id
WHERE d.status = 'PUBLISHED' AND m.status IN ('PROPOSED', 'INTERESTED', 'SHORTLISTED')
GROUP BY m.enterprise_id;

CREATE FUNCTION match_exposure() RETURNS trigger AS $$
DECLARE
    before_live INT := 0;
    after_live  INT := 0;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('PROPOSED', 'INTERESTED', 'SHORTLISTED') THEN
        before_live := 1;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status IN ('PROPOSED', 'INTERESTED', 'SHORTLISTED') THEN
        after_live := 1;
    END IF;
    IF after_live <> before_live THEN
        INSERT INTO enterprise_exposure AS e (enterprise_id, live)
        VALUES (COALESCE(NEW.enterprise_id, OLD.enterprise_id), after_live - before_live)
        ON CONFLICT (enterprise_id) DO UPDATE SET live = e.live + EXCLUDED.live;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER match_exposure AFTER INSERT OR DELETE OR UPDATE OF status ON match
    FOR EACH ROW EXECUTE FUNCTION match_exposure();

-- Changes to candidate lists waiting to go out as one coalesced demand.candidates.changed event per demand:
-- written in the reverse match's transaction, taken and published by the delta flusher in its own.
CREATE TABLE match_delta (
    id            UUID PRIMARY KEY,
    demand_id     UUID        NOT NULL,
    match_id      UUID        NOT NULL,
    enterprise_id UUID        NOT NULL,
    added         BOOLEAN     NOT NULL,
    region_code   VARCHAR(6),
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX match_delta_demand ON match_delta (demand_id);
