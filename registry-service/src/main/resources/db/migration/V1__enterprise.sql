CREATE TABLE enterprise (
    id            UUID PRIMARY KEY,
    version       BIGINT       NOT NULL,
    name          VARCHAR(200) NOT NULL,
    credit_code   CHAR(18)     NOT NULL,
    kind          VARCHAR(40)  NOT NULL,
    tier          VARCHAR(40),
    region_code   CHAR(6)      NOT NULL,
    chains        TEXT         NOT NULL,
    capabilities  TEXT         NOT NULL,
    description   TEXT,
    willingness   TEXT         NOT NULL,
    active        BOOLEAN      NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- One code, one active enterprise.
CREATE UNIQUE INDEX enterprise_active_credit_code ON enterprise (credit_code) WHERE active;
CREATE INDEX enterprise_region ON enterprise (region_code);
