-- Events already turned into notifications: a replayed event is recognised by its CloudEvents id.
CREATE TABLE processed_event (
    event_id     VARCHAR(200) PRIMARY KEY,
    processed_at TIMESTAMPTZ NOT NULL
);

-- One row per recipient: an enterprise, or the bureaus whose region prefix covers region_code.
CREATE TABLE notification (
    id             UUID PRIMARY KEY,
    recipient_kind VARCHAR(20)  NOT NULL,
    enterprise_id  UUID,
    region_code    VARCHAR(6),
    event_id       VARCHAR(200) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,
    demand_id      UUID,
    title          VARCHAR(300) NOT NULL,
    body           TEXT         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    read_at        TIMESTAMPTZ,
    CONSTRAINT notification_has_recipient CHECK (
        (recipient_kind = 'ENTERPRISE' AND enterprise_id IS NOT NULL) OR (recipient_kind = 'BUREAU' AND region_code IS NOT NULL))
);

CREATE INDEX notification_enterprise ON notification (enterprise_id, created_at DESC) WHERE recipient_kind = 'ENTERPRISE';
CREATE INDEX notification_region ON notification (region_code text_pattern_ops, created_at DESC) WHERE recipient_kind = 'BUREAU';
