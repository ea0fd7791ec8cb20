-- Escalation SLA: who picked an escalation up, and how far its re-alerts went (0 = the first alert
-- only, 1 = the agent was alerted again, 2 = the backup contact was alerted).
ALTER TABLE escalations ADD COLUMN IF NOT EXISTS picked_up_at timestamptz;
ALTER TABLE escalations ADD COLUMN IF NOT EXISTS picked_up_by text;
ALTER TABLE escalations ADD COLUMN IF NOT EXISTS alert_stage integer NOT NULL DEFAULT 0;
ALTER TABLE escalations ADD COLUMN IF NOT EXISTS last_alert_at timestamptz;
CREATE INDEX IF NOT EXISTS escalations_open_sla ON escalations (created_at) WHERE status = 'open' AND picked_up_at IS NULL;
