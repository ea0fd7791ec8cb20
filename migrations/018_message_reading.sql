-- What the bot read in a lead's message: its dialogue acts (answer, question:home_value,
-- objection:has_agent…) and the slot values it states, written with the message by the turn that
-- read it, so the dashboard can show why each reply was sent. NULL on replies, on messages no bot
-- read (a staff sender, an empty message) and on messages stored before this column existed.
ALTER TABLE messages ADD COLUMN IF NOT EXISTS reading jsonb;
