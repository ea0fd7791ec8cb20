-- Each turn asks when the messages we started (follow-ups: no inbox row) last went out to the
-- contact, to keep to the daily limit. Without an index of their own that question read every
-- outbox row with no inbox row, of every contact (about 1 ms a turn after 10,000 replies, and
-- growing); this partial index holds only the sent ones, by contact and time.
CREATE INDEX IF NOT EXISTS outbox_initiated_sent
  ON outbox (location_id, contact_id, sent_at) WHERE inbox_id IS NULL AND status = 'sent';
