-- Every delivered reply records its CRM message id on the transcript row by outbox id.
CREATE INDEX IF NOT EXISTS messages_by_outbox ON messages (outbox_id) WHERE outbox_id IS NOT NULL;
