-- The engine indexes the enterprise's products and reads the demand's description (both optional in v1 events).
ALTER TABLE candidate ADD COLUMN products TEXT;
ALTER TABLE open_demand ADD COLUMN description TEXT;
