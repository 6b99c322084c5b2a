-- Idempotency-Key records are kept per caller now, in idempotent_request (platform/persistence db/idempotency,
-- ADR 0015); the keys registry-service kept without the caller (V3) were never scoped per caller and go.
DROP TABLE idempotency_key;
