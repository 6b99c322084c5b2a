-- Drafts, specification and quantity, the contact person, and what listing and expiry need.
ALTER TABLE demand ADD COLUMN created_at    TIMESTAMPTZ;
UPDATE demand SET created_at = COALESCE(published_at, updated_at);
ALTER TABLE demand ALTER COLUMN created_at SET NOT NULL;

ALTER TABLE demand ADD COLUMN specification TEXT;
ALTER TABLE demand ADD COLUMN quantity      NUMERIC(18,3);
ALTER TABLE demand ADD COLUMN quantity_unit VARCHAR(20);
-- personal data: shown to whoever acts for the publisher, never put in events
ALTER TABLE demand ADD COLUMN contact_name  VARCHAR(50);
ALTER TABLE demand ADD COLUMN contact_phone VARCHAR(30);
ALTER TABLE demand ADD COLUMN contact_email VARCHAR(254);

-- the expiry job only ever looks at published demands past their deadline
CREATE INDEX demand_due ON demand (deadline) WHERE status = 'PUBLISHED';
CREATE INDEX demand_field_chain ON demand (field, chain);
