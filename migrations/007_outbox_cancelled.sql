-- A message to a lead that was queued but not yet sent when the lead opted out is cancelled, never
-- sent: 'cancelled' keeps the row (and the reason in last_error) so the record shows what was held.
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_status_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_status_check
  CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled'));
