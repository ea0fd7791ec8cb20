-- The dashboard's Overview reads each period through these. The latest lead messages (response
-- times) were found by walking the whole transcript backwards past every reply; booked appointments
-- and opt-outs are a handful of rows in tables that grow with every message, read by scanning them all.
CREATE INDEX IF NOT EXISTS messages_inbound_by_id ON messages (id) WHERE direction = 'inbound';
CREATE INDEX IF NOT EXISTS outbox_booked_by_created ON outbox (created_at) WHERE kind = 'book_appointment' AND status = 'sent';
CREATE INDEX IF NOT EXISTS audit_opt_outs_by_at ON audit_log (at) WHERE action = 'tcpa_opt_out';
-- New leads and model spend by period: once the history is longer than the period, only its rows are read.
CREATE INDEX IF NOT EXISTS contacts_by_created ON contacts (created_at);
CREATE INDEX IF NOT EXISTS model_usage_by_created ON model_usage (created_at);
