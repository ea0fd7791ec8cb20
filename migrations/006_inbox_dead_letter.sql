-- Dead letters. Each turn counts its attempt and stamps started_at in a commit of its own before it
-- runs, so an event whose turn crashes or freezes the process is still counted. An event started
-- INBOX_MAX_ATTEMPTS times without finishing, or whose last allowed turn overran TURN_BUDGET_MS, is
-- parked as 'dead' (reason in last_error); a turn that threw that many times stays 'failed'.
ALTER TABLE inbox ADD COLUMN IF NOT EXISTS started_at timestamptz;
ALTER TABLE inbox DROP CONSTRAINT IF EXISTS inbox_status_check;
ALTER TABLE inbox ADD CONSTRAINT inbox_status_check CHECK (status IN ('pending', 'done', 'failed', 'dead'));
