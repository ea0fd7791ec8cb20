-- The dashboard's inbox lists contacts by latest activity, newest first.
CREATE INDEX IF NOT EXISTS contacts_by_updated ON contacts (updated_at DESC);
