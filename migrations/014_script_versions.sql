-- The bots' wording and knowledge base as edited in the dashboard (Scripts and answers). Every
-- publish adds a row; the newest published row is what the live bots use. Rows are never changed,
-- so the history shows who changed what and when, and a roll back publishes an older text again.
CREATE TABLE IF NOT EXISTS script_versions (
  id              bigserial PRIMARY KEY,
  bots_text       text NOT NULL,
  knowledge_text  text NOT NULL,
  author          text NOT NULL,
  note            text,
  -- The version this one was rolled back to, when it is a roll back.
  restored_from   bigint,
  created_at      timestamptz NOT NULL DEFAULT now()
);
