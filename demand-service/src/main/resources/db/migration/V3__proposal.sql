-- Proposals (拟合作事项) enterprises submit against published demands.
CREATE TABLE proposal (
    id           UUID PRIMARY KEY,
    version      BIGINT       NOT NULL,
    demand_id    UUID         NOT NULL REFERENCES demand (id),
    publisher_id UUID         NOT NULL,
    proposer_id  UUID         NOT NULL,
    title        VARCHAR(200) NOT NULL,
    description  TEXT         NOT NULL,
    offering     TEXT         NOT NULL,
    attachments  TEXT         NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    submitted_at TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

-- one open proposal per enterprise and demand, even when two requests race
CREATE UNIQUE INDEX proposal_one_open ON proposal (demand_id, proposer_id) WHERE status = 'OPEN';
CREATE INDEX proposal_demand ON proposal (demand_id, id);
CREATE INDEX proposal_proposer ON proposal (proposer_id, id);
