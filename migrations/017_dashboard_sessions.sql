-- Dashboard sign-ins. The cookie carries a random id; a row here is what makes it valid, so
-- signing out (deleting the row) ends the session on every replica, even for a copy of the cookie.
-- The id is stored as its SHA-256 digest: a read of this table yields no usable cookie.
CREATE TABLE IF NOT EXISTS dashboard_sessions (
  id_digest   text PRIMARY KEY,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS dashboard_sessions_expiry ON dashboard_sessions (expires_at);
