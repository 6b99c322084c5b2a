-- Demand preferences (需求偏好), all optional; NULL in every column means the demand states none.
--
-- Plain typed columns rather than one jsonb document, because:
--  * each preference is a scalar with a stated range, which a CHECK keeps here behind the API's validation (the
--    same ranges as DemandPreferences and demand-snapshot.json), and a later filter or index can use it as it is;
--  * the project keeps JSON-valued data as text behind a converter (region_codes, attachments, ...): a jsonb column
--    written from a string-valued converter needs a cast in every statement that writes it, plain columns none;
--  * they sit beside the other optional facts of a demand (specification, quantity, quantity_unit) in the same style.
-- The one list, the preferred tier codes, is a JSON array in a text column like required_capabilities.
ALTER TABLE demand ADD COLUMN preferred_tiers    TEXT;
ALTER TABLE demand ADD COLUMN prefer_in_province BOOLEAN;
ALTER TABLE demand ADD COLUMN min_employees      INTEGER       CHECK (min_employees BETWEEN 0 AND 10000000);
-- CNY (yuan), the unit of registry-service's enterprise revenue
ALTER TABLE demand ADD COLUMN min_revenue        NUMERIC(18,2) CHECK (min_revenue >= 0);
ALTER TABLE demand ADD COLUMN annual_volume      NUMERIC(18,3) CHECK (annual_volume >= 0);
ALTER TABLE demand ADD COLUMN annual_volume_unit VARCHAR(20);
