-- GHL Marketplace app installs: one row per sub-account (Location) or agency (Company) token.
-- Tokens are sealed with AES-256-GCM before they reach this table (TOKEN_ENCRYPTION_KEY).
CREATE TABLE IF NOT EXISTS ghl_oauth_tokens (
  resource_id text PRIMARY KEY,
  user_type text NOT NULL CHECK (user_type IN ('Location', 'Company')),
  company_id text,
  access_token_sealed text NOT NULL,
  -- NULL for location tokens minted from a company token: those are renewed by minting again.
  refresh_token_sealed text,
  expires_at timestamptz NOT NULL,
  scope text,
  installed_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS ghl_oauth_tokens_company ON ghl_oauth_tokens (company_id, user_type);
