-- Before a reply goes out, the send-consent check asks when the contact last wrote to us
-- (max(created_at) of their inbound messages). messages_by_contact answers it by reading every
-- message of the contact; and while the table's statistics still say it is nearly empty (a new
-- database, a burst) the planner picked messages_inbound_by_id instead, reading every inbound
-- message of every contact, a plan a pooled connection may keep. This partial index answers the
-- question with one index entry.
CREATE INDEX IF NOT EXISTS messages_inbound_by_contact
  ON messages (location_id, contact_id, created_at) WHERE direction = 'inbound';
