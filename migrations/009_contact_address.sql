-- Where the lead lives, as GHL sends it (state, postalCode): quiet hours follow the lead's clock
-- and the law of their state.
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS state text;
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS postal_code text;
