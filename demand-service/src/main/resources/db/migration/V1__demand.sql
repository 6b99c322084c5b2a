-- What demand-service knows of enterprises, from registry.enterprises.v1.
CREATE TABLE known_enterprise (
    id          UUID PRIMARY KEY,
    version     BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    region_code CHAR(6)      NOT NULL,
    active      BOOLEAN      NOT NULL
);

CREATE TABLE demand (
    id                    UUID PRIMARY KEY,
    version               BIGINT        NOT NULL,
    publisher_id          UUID          NOT NULL,
    field                 VARCHAR(40)   NOT NULL,
    chain                 VARCHAR(40)   NOT NULL,
    title                 VARCHAR(200)  NOT NULL,
    description           TEXT          NOT NULL,
    required_capabilities TEXT          NOT NULL,
    region_codes          TEXT          NOT NULL,
    budget_min            NUMERIC(18,2),
    budget_max            NUMERIC(18,2),
    deadline              TIMESTAMPTZ   NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    published_at          TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ   NOT NULL
);

CREATE INDEX demand_publisher ON demand (publisher_id);
CREATE INDEX demand_status_deadline ON demand (status, deadline);
