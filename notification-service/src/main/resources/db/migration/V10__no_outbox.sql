-- notification-service publishes no events (rongtong.outbox.enabled=false) and no longer runs platform/outbox's
-- migrations (issue 16). A database set up before has their table and trigger function: they go, unused.
DROP TABLE IF EXISTS outbox_event;
DROP FUNCTION IF EXISTS outbox_event_notify();
