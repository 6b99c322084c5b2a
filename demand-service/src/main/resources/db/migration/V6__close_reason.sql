-- Why the platform closed an open proposal (its demand ended, its proposer was deactivated); null otherwise.
ALTER TABLE proposal ADD COLUMN close_reason VARCHAR(30);
-- the open proposals of a demand are closed together when the demand ends
CREATE INDEX proposal_open_by_demand ON proposal (demand_id) WHERE status = 'OPEN';
-- and of a proposer when it is deactivated
CREATE INDEX proposal_open_by_proposer ON proposal (proposer_id) WHERE status = 'OPEN';
-- the published demands of a publisher are withdrawn together when it is deactivated
CREATE INDEX demand_published_by_publisher ON demand (publisher_id) WHERE status = 'PUBLISHED';
