-- The outbox row that asked for an assessment: a re-attempt after a crash finds the assessment it
-- already stored instead of storing (and asking the agent to review) a second one.
ALTER TABLE financial_assessments ADD COLUMN IF NOT EXISTS request_key text;
CREATE UNIQUE INDEX IF NOT EXISTS financial_assessments_request_key ON financial_assessments (request_key);
