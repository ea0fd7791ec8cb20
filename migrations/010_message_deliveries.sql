-- What GHL reported about outbound messages to a contact (OutboundMessage webhooks): our own sends
-- (matched to the outbox by GHL's messageId) and every other sender's (workflows, campaigns, bulk
-- actions, people in the app). One row per message; the latest status wins, a late "pending" never
-- overwrites a final one (status_rank).
CREATE TABLE IF NOT EXISTS message_deliveries (
  id           bigserial PRIMARY KEY,
  location_id  text NOT NULL,
  contact_id   text NOT NULL,
  message_id   text,
  status       text,
  status_rank  integer NOT NULL DEFAULT 0,
  error        jsonb,
  source       text,
  user_id      text,
  channel      text,
  sent_at      timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS message_deliveries_message ON message_deliveries (location_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS message_deliveries_by_contact ON message_deliveries (location_id, contact_id, sent_at);
-- A follow-up whose message GHL reported failed or undelivered is 'failed', not 'sent'.
ALTER TABLE follow_ups DROP CONSTRAINT IF EXISTS follow_ups_status_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_status_check
  CHECK (status IN ('pending', 'sent', 'skipped', 'cancelled', 'failed'));
