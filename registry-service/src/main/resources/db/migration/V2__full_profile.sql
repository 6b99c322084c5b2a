ALTER TABLE enterprise
    ADD COLUMN english_name     VARCHAR(300),
    ADD COLUMN tier_level       VARCHAR(20),
    ADD COLUMN tier_year        INT,
    ADD COLUMN tier_valid_until DATE,
    ADD COLUMN products         TEXT,
    ADD COLUMN certifications   TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN employees        INT,
    ADD COLUMN revenue          NUMERIC(18, 2),
    ADD COLUMN year_founded     INT,
    -- personal data: returned only to the enterprise itself, operators and partners; never in events
    ADD COLUMN contacts         TEXT NOT NULL DEFAULT '[]';

CREATE INDEX enterprise_kind ON enterprise (kind);

-- Bulk imports run as jobs that clients poll.
CREATE TABLE import_job (
    id          UUID PRIMARY KEY,
    status      VARCHAR(20) NOT NULL,
    format      VARCHAR(20) NOT NULL,
    atomic      BOOLEAN     NOT NULL,
    total       INT         NOT NULL,
    done        INT         NOT NULL,
    rejected    INT         NOT NULL,
    rejections  TEXT        NOT NULL,
    failure     TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ
);
