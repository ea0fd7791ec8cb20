-- Foundation schema. Valid on PostgreSQL 15+ and PGlite. Statements end with ";" at a line end.

CREATE TABLE IF NOT EXISTS locations (
  id          text PRIMARY KEY,
  name        text,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Our mirror of the CRM contact: what the bots need to decide without calling the CRM.
CREATE TABLE IF NOT EXISTS contacts (
  location_id    text NOT NULL REFERENCES locations(id),
  id             text NOT NULL,
  first_name     text,
  last_name      text,
  email          text,
  phone          text,
  timezone       text,
  tags           jsonb NOT NULL DEFAULT '[]',
  custom_fields  jsonb NOT NULL DEFAULT '{}',
  opted_out      boolean NOT NULL DEFAULT false,
  paused         boolean NOT NULL DEFAULT false,
  paused_reason  text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (location_id, id)
);

CREATE TABLE IF NOT EXISTS conversations (
  location_id      text NOT NULL,
  contact_id       text NOT NULL,
  bot              text NOT NULL DEFAULT 'lead',
  state            jsonb NOT NULL DEFAULT '{}',
  version          integer NOT NULL DEFAULT 0,
  last_inbound_at  timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (location_id, contact_id),
  FOREIGN KEY (location_id, contact_id) REFERENCES contacts(location_id, id)
);

-- The transcript, both directions.
CREATE TABLE IF NOT EXISTS messages (
  id                 bigserial PRIMARY KEY,
  location_id        text NOT NULL,
  contact_id         text NOT NULL,
  direction          text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  channel            text NOT NULL,
  body               text NOT NULL,
  inbox_id           bigint,
  outbox_id          bigint,
  remote_message_id  text,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS messages_by_contact ON messages (location_id, contact_id, id);

-- Webhook receipts and sandbox messages: every accepted event, durably, before we answer 200.
-- The unique indexes are the dedupe: a repeated webhookId or messageId is acknowledged, not reprocessed.
CREATE TABLE IF NOT EXISTS inbox (
  id           bigserial PRIMARY KEY,
  location_id  text NOT NULL,
  contact_id   text NOT NULL,
  kind         text NOT NULL,
  source       text NOT NULL,
  webhook_id   text,
  message_id   text,
  payload      jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text,
  received_at  timestamptz NOT NULL DEFAULT now(),
  processed_at timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS inbox_webhook_id ON inbox (webhook_id) WHERE webhook_id IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS inbox_message_id ON inbox (location_id, message_id) WHERE message_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS inbox_pending ON inbox (id) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS inbox_pending_contact ON inbox (location_id, contact_id, id) WHERE status = 'pending';

-- Pending CRM actions. Written in the same transaction as the turn; the drainer sends them.
CREATE TABLE IF NOT EXISTS outbox (
  id                bigserial PRIMARY KEY,
  location_id       text NOT NULL,
  contact_id        text NOT NULL,
  inbox_id          bigint,
  kind              text NOT NULL,
  payload           jsonb NOT NULL,
  idempotency_key   text NOT NULL UNIQUE,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL DEFAULT now(),
  locked_until      timestamptz,
  first_attempt_at  timestamptz,
  last_error        text,
  result            jsonb,
  created_at        timestamptz NOT NULL DEFAULT now(),
  sent_at           timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_open ON outbox (id) WHERE status IN ('pending', 'sending');
CREATE INDEX IF NOT EXISTS outbox_open_contact ON outbox (location_id, contact_id, id) WHERE status IN ('pending', 'sending');
CREATE INDEX IF NOT EXISTS outbox_by_inbox ON outbox (inbox_id);
CREATE INDEX IF NOT EXISTS outbox_by_remote_message ON outbox ((result ->> 'messageId'));

CREATE TABLE IF NOT EXISTS audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  location_id  text,
  contact_id   text,
  actor        text NOT NULL,
  action       text NOT NULL,
  detail       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS audit_by_contact ON audit_log (location_id, contact_id, id);

-- What the sandbox CRM "did": messages, notes, tasks, appointments, tag and field changes.
CREATE TABLE IF NOT EXISTS sandbox_crm_records (
  id           bigserial PRIMARY KEY,
  location_id  text NOT NULL,
  contact_id   text NOT NULL,
  kind         text NOT NULL,
  payload      jsonb NOT NULL,
  data         bytea,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS sandbox_crm_by_contact ON sandbox_crm_records (location_id, contact_id, id);
