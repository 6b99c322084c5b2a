-- Matchmaking sessions (对接活动): chains, participants and demands are JSON arrays, searched with jsonb containment.
CREATE TABLE matchmaking_session (
    id              UUID PRIMARY KEY,
    version         BIGINT       NOT NULL,
    name            VARCHAR(200) NOT NULL,
    session_date    DATE         NOT NULL,
    region_code     VARCHAR(6)   NOT NULL,
    venue           VARCHAR(200),
    chains          TEXT         NOT NULL,
    participant_ids TEXT         NOT NULL,
    demand_ids      TEXT         NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    organiser       VARCHAR(100) NOT NULL,
    scheduled_at    TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);

CREATE INDEX session_region_date ON matchmaking_session (region_code, session_date);
