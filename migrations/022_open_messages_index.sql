-- The outbox drainer claims the due replies and emails to leads before the other actions (tag,
-- field and task writes), so a lead's reply does not wait behind other contacts' CRM writes when
-- more rows are due than the drainer has places. This partial index holds only the open messages,
-- in id order, for that first claim.
CREATE INDEX IF NOT EXISTS outbox_open_messages
  ON outbox (id) WHERE status IN ('pending', 'sending') AND kind IN ('send_message', 'send_cma_email');
