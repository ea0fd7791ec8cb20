-- The dashboard's inbox lists contacts by latest activity, newest first, and flags a contact whose
-- message failed to send (a look-up by contact among failed outbox rows only).
CREATE INDEX IF NOT EXISTS contacts_by_updated ON contacts (updated_at DESC);
CREATE INDEX IF NOT EXISTS outbox_failed_contact ON outbox (location_id, contact_id) WHERE status = 'failed';
