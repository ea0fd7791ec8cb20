-- Human review escalations, compliance tickets with append-only evidence, financial assessments.

CREATE TABLE IF NOT EXISTS escalations (
  id               text PRIMARY KEY,
  location_id      text NOT NULL,
  contact_id       text NOT NULL,
  kind             text NOT NULL DEFAULT 'human_review',
  reason           text NOT NULL,
  context          jsonb NOT NULL DEFAULT '{}',
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  resolved_at      timestamptz,
  resolution_note  text
);
CREATE INDEX IF NOT EXISTS escalations_by_status ON escalations (status, created_at);
CREATE INDEX IF NOT EXISTS escalations_by_contact ON escalations (location_id, contact_id, status);

CREATE TABLE IF NOT EXISTS compliance_tickets (
  id               text PRIMARY KEY,
  location_id      text NOT NULL,
  contact_id       text NOT NULL,
  violation_type   text NOT NULL CHECK (violation_type IN ('fair_housing', 'respa', 'tcpa', 'privacy', 'harassment', 'other')),
  rule             text NOT NULL,
  status           text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  resolved_at      timestamptz,
  resolution_note  text
);
CREATE INDEX IF NOT EXISTS compliance_tickets_by_status ON compliance_tickets (status, created_at);
CREATE INDEX IF NOT EXISTS compliance_tickets_by_contact ON compliance_tickets (location_id, contact_id, status);

-- What happened, as it happened: rows are only ever added (a trigger refuses UPDATE and DELETE).
CREATE TABLE IF NOT EXISTS compliance_evidence (
  id         bigserial PRIMARY KEY,
  ticket_id  text NOT NULL REFERENCES compliance_tickets(id),
  at         timestamptz NOT NULL DEFAULT now(),
  kind       text NOT NULL CHECK (kind IN ('violation', 'resolution')),
  evidence   jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS compliance_evidence_by_ticket ON compliance_evidence (ticket_id, id);
CREATE OR REPLACE FUNCTION jorge_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'compliance evidence is append-only'; END $$ LANGUAGE plpgsql;
CREATE OR REPLACE TRIGGER compliance_evidence_append_only BEFORE UPDATE OR DELETE ON compliance_evidence FOR EACH ROW EXECUTE FUNCTION jorge_append_only();

CREATE TABLE IF NOT EXISTS financial_assessments (
  id               bigserial PRIMARY KEY,
  location_id      text NOT NULL,
  contact_id       text NOT NULL,
  source           text NOT NULL CHECK (source IN ('service', 'heuristic', 'default')),
  pre_approved     boolean NOT NULL,
  requires_review  boolean NOT NULL,
  confidence       real NOT NULL,
  max_amount       bigint,
  lender           text,
  detail           jsonb NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS financial_assessments_by_contact ON financial_assessments (location_id, contact_id, id);

ALTER TABLE conversations ADD COLUMN IF NOT EXISTS needs_human_review boolean NOT NULL DEFAULT false;
ALTER TABLE conversations ADD COLUMN IF NOT EXISTS compliance_hold boolean NOT NULL DEFAULT false;
