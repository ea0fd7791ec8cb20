-- The do-not-disturb settings last read from the CRM for a contact (GHL keeps DND per channel), so
-- every replica's sender can use a recent read instead of asking GHL again before each message.
-- A read older than the sender's cache time (60 s) is read again.
CREATE TABLE IF NOT EXISTS crm_dnd_reads (
  location_id  text NOT NULL,
  contact_id   text NOT NULL,
  sms          boolean NOT NULL,
  email        boolean NOT NULL,
  read_at      timestamptz NOT NULL,
  PRIMARY KEY (location_id, contact_id)
);
