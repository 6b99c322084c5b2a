-- matching-service's projection of enterprises (from registry.enterprises.v1).
CREATE TABLE candidate (
    id           UUID PRIMARY KEY,
    version      BIGINT       NOT NULL,
    name         VARCHAR(200) NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    tier         VARCHAR(40),
    region_code  CHAR(6)      NOT NULL,
    chains       TEXT         NOT NULL,
    capabilities TEXT         NOT NULL,
    description  TEXT,
    willingness  TEXT         NOT NULL,
    active       BOOLEAN      NOT NULL
);

-- Its projection of demands (from demand.demands.v1).
CREATE TABLE open_demand (
    id                    UUID PRIMARY KEY,
    version               BIGINT       NOT NULL,
    publisher_id          UUID         NOT NULL,
    field                 VARCHAR(40)  NOT NULL,
    chain                 VARCHAR(40)  NOT NULL,
    title                 VARCHAR(200) NOT NULL,
    required_capabilities TEXT         NOT NULL,
    region_codes          TEXT         NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    deadline              TIMESTAMPTZ  NOT NULL
);

CREATE TABLE match (
    id              UUID PRIMARY KEY,
    demand_id       UUID             NOT NULL REFERENCES open_demand (id),
    enterprise_id   UUID             NOT NULL,
    enterprise_name VARCHAR(200)     NOT NULL,
    rank            INT              NOT NULL,
    score           DOUBLE PRECISION NOT NULL,
    reasons         TEXT             NOT NULL,
    status          VARCHAR(20)      NOT NULL,
    created_at      TIMESTAMPTZ      NOT NULL,
    CONSTRAINT match_once_per_pair UNIQUE (demand_id, enterprise_id)
);

CREATE INDEX match_enterprise ON match (enterprise_id);
