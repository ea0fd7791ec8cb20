-- Follow-up sequences (day 3/7/14/30), the documents they attach, and the sandbox's own clock.

CREATE TABLE IF NOT EXISTS follow_ups (
  id              bigserial PRIMARY KEY,
  location_id     text NOT NULL,
  contact_id      text NOT NULL,
  sequence_start  timestamptz NOT NULL,
  step            text NOT NULL,
  due_at          timestamptz NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'skipped', 'cancelled')),
  reason          text,
  channel         text,
  detail          jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  UNIQUE (location_id, contact_id, sequence_start, step)
);
CREATE INDEX IF NOT EXISTS follow_ups_due ON follow_ups (status, due_at);
CREATE INDEX IF NOT EXISTS follow_ups_by_contact ON follow_ups (location_id, contact_id, status);

CREATE TABLE IF NOT EXISTS documents (
  id            text PRIMARY KEY,
  filename      text NOT NULL,
  content_type  text NOT NULL,
  bytes         bytea NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS sandbox_clock (
  id         int PRIMARY KEY CHECK (id = 1),
  offset_ms  bigint NOT NULL DEFAULT 0
);
