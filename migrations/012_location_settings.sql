-- Settings of one GHL location (sub-account) that override the environment's defaults for it.
-- A NULL column means "use the environment's value" (GHL_CALENDAR_ID, AGENT_NAME, TIMEZONE, …).
-- No foreign key to locations: an agency may set a location up before its first event arrives.
CREATE TABLE IF NOT EXISTS location_settings (
  location_id       text PRIMARY KEY,
  calendar_id       text,
  assigned_user_id  text,
  agent_name        text,
  assistant_name    text,
  brokerage         text,
  license_number    text,
  market            text,
  timezone          text,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
