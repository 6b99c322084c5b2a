-- ADR 0017: a subscription keeps its owner's view (org.rongtong.web.security.Viewer) and every fan-out applies it.
-- owner is Viewer.owner() (role:subject): only that owner, or an operator, manages the subscription.
ALTER TABLE subscription
    ADD COLUMN owner         VARCHAR(300),
    ADD COLUMN owner_role    VARCHAR(20),
    ADD COLUMN owner_subject VARCHAR(255),
    ADD COLUMN owner_granted TEXT NOT NULL DEFAULT '[]';

UPDATE subscription SET owner_role = 'enterprise', owner_subject = 'enterprise-' || owner_enterprise_id
WHERE owner_kind = 'ENTERPRISE';
-- the old rows name no token subject: a bureau's keeps its region's scope, and only an operator can manage it now
UPDATE subscription SET owner_role = 'bureau', owner_subject = 'legacy-bureau-' || owner_region
WHERE owner_kind = 'BUREAU';
-- PLATFORM meant operator or partner, and partners read the nationwide feed through it: which ones were partners' is
-- unknown, so they become an operator's and stay paused until an operator resumes them
UPDATE subscription SET owner_role = 'operator', owner_subject = 'legacy-platform', status = 'PAUSED'
WHERE owner_kind = 'PLATFORM';
UPDATE subscription SET owner = owner_role || ':' || owner_subject;

ALTER TABLE subscription
    ALTER COLUMN owner SET NOT NULL,
    ALTER COLUMN owner_role SET NOT NULL,
    ALTER COLUMN owner_subject SET NOT NULL,
    DROP COLUMN owner_kind,
    -- AES-GCM ciphertexts (SecretBox); plaintext secrets left from before are encrypted at start-up
    ALTER COLUMN secret TYPE VARCHAR(500),
    ALTER COLUMN previous_secret TYPE VARCHAR(500);

CREATE INDEX subscription_owner ON subscription (owner, created_at DESC, id DESC);

-- The stream's scope is decided in SQL: who published the demand and where, and the candidates (or the moved match's
-- candidate) with where each is registered, in the same order.
ALTER TABLE stream_event
    ADD COLUMN publisher_id     UUID,
    ADD COLUMN publisher_region VARCHAR(6),
    ADD COLUMN party_ids        UUID[] NOT NULL DEFAULT '{}',
    ADD COLUMN party_regions    TEXT[] NOT NULL DEFAULT '{}';

-- Rows from before know their enterprises but not which is the publisher nor any region: an enterprise still finds
-- its own (as a party); bureaus see none of them.
UPDATE stream_event SET party_ids = ARRAY(SELECT jsonb_array_elements_text(enterprises::jsonb)::uuid),
    party_regions = array_fill(NULL::text, ARRAY[jsonb_array_length(enterprises::jsonb)]);

-- A bureau notification about a demand published elsewhere names only the candidates registered in region_code;
-- publisher_region says where the demand was published, so a bureau that sees the demand whole (through its own
-- notification) is not told twice. Null on notifications about a whole demand.
ALTER TABLE notification ADD COLUMN publisher_region VARCHAR(6);
