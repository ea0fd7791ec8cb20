-- One row per language-model call (or decision to answer offline) on a contact's turn: which
-- agent and model, the tokens and the estimated cost, and whether the answer was used.
CREATE TABLE model_usage (
  id bigserial PRIMARY KEY,
  location_id text NOT NULL,
  contact_id text NOT NULL,
  inbox_id bigint,
  task text NOT NULL,
  agent text NOT NULL,
  model text NOT NULL,
  outcome text NOT NULL,
  prompt_mode text NOT NULL,
  input_tokens integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  cache_read_tokens integer NOT NULL DEFAULT 0,
  cache_write_tokens integer NOT NULL DEFAULT 0,
  cost_usd numeric(12, 6) NOT NULL DEFAULT 0,
  latency_ms integer NOT NULL DEFAULT 0,
  detail text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX model_usage_contact ON model_usage (location_id, contact_id, id);
