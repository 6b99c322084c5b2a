-- The delivery table is a queue: every row is updated once or twice within seconds of its insert, and each update
-- leaves an entry in the queue's partial indexes that only VACUUM removes. The claim walks those entries in
-- next_attempt_at order, so until a vacuum it reads more index pages with every delivery made (about 400 pages, 0.5 ms
-- per claim, after 80,000 deliveries; ADR 0010). The default thresholds (20 % of the table) would let that grow with
-- the table; vacuum it after a small, fixed amount of churn instead. (No effect where autovacuum is off, as on the CI
-- machine: there the delivery benchmark vacuums in autovacuum's stead.)
ALTER TABLE delivery SET (autovacuum_vacuum_scale_factor = 0.0, autovacuum_vacuum_threshold = 20000,
    autovacuum_analyze_scale_factor = 0.05, autovacuum_vacuum_cost_limit = 1000);
