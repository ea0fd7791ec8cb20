import { isMessageKind, type OutboxRow } from '../../ports/outbox-delivery.ts';
import { decideSendConsent } from '../../domain/compliance/send-consent.ts';
import { hasTag } from '../../domain/conversation.ts';
import { contactSendWindow } from '../contacts/lead-send-window.ts';
import type { Channel } from './channel-dnd.ts';
import type { DrainerContext } from './drainer-deps.ts';

// A message held behind an unread opt-out is looked at again this soon; the turn that reads the
// opt-out usually runs within milliseconds and cancels it.
const CONSENT_HOLD_MS = 500;

// A message held for quiet hours or a daily cap is looked at again this often until its time
// comes: a person taking the conversation over cancels it, and until then it holds every later
// message to the contact (they go out in order). A lead who writes cancels it in their turn.
const QUIET_RECHECK_MS = 60_000;

const DAY_MS = 86_400_000;

const CANCEL_REASONS = {
  opted_out: 'contact opted out before it was sent',
  lead_wrote_first: 'the lead wrote before it was sent',
  person_took_over: 'a person took the conversation over before it was sent',
} as const;

/**
 * The check right before a message reaches the lead (send-consent.ts): an opt-out recorded since
 * the row was queued cancels it, one stored but not yet read holds it; a text we started waits
 * for the lead's sending window and daily cap, and is dropped if the lead or a person wrote
 * first. False when the row must not go now.
 */
export async function mayGoOut(deps: DrainerContext, row: OutboxRow): Promise<boolean> {
  if (!isMessageKind(row.kind)) return true;
  const now = deps.clockOf(row.location_id).now();
  const facts = await deps.delivery.sendConsentFacts(
    deps.db,
    row.location_id,
    row.contact_id,
    new Date(now.getTime() - DAY_MS),
  );
  const c = facts.contact;
  const verdict = decideSendConsent({
    optedOut: facts.optedOut,
    unreadTexts: facts.unreadTexts,
    decidedAfterOptOut: row.payload.kind === 'send_message' && row.payload.afterOptOut === true,
    ...(c
      ? {
          timing: {
            now,
            window: contactSendWindow(
              c,
              deps.timezoneFor ? await deps.timezoneFor(row.location_id) : deps.timezone,
            ),
            isReply: row.inbox_id !== null,
            queuedAt: new Date(row.created_at),
            leadLastWroteAt: facts.lastInboundAt,
            // A person's own message is the takeover, not something it should hold back.
            humanTakeover:
              hasTag(c.tags, deps.escalation.tags.humanTakeover) &&
              !(row.payload.kind === 'send_message' && row.payload.byAgent === true),
            sentInLast24h: facts.initiatedSentAt,
          },
        }
      : {}),
  });
  if (verdict.action === 'send') return true;
  if (verdict.action === 'cancel') {
    await deps.delivery.markCancelled(deps.db, row.id, CANCEL_REASONS[verdict.reason]);
    deps.metrics.outboxResults.inc({ kind: row.kind, result: 'cancelled' });
    deps.logger.info(
      { outboxId: row.id, kind: row.kind, reason: verdict.reason },
      `message cancelled: ${CANCEL_REASONS[verdict.reason]}`,
    );
  } else {
    const at =
      verdict.until === null
        ? new Date(now.getTime() + CONSENT_HOLD_MS)
        : new Date(Math.min(verdict.until.getTime(), now.getTime() + QUIET_RECHECK_MS));
    await deps.delivery.release(deps.db, row.id, at);
    deps.metrics.outboxResults.inc({
      kind: row.kind,
      result: verdict.reason === 'unread_opt_out' ? 'held' : `held_${verdict.reason}`,
    });
  }
  return false;
}

/** A message on a channel in DND is cancelled: not retried, not escalated (docs/ESCALATIONS.md). */
export async function skipForDnd(deps: DrainerContext, row: OutboxRow, channel: Channel): Promise<void> {
  const reason = `the contact has do not disturb on for ${channel} in the CRM`;
  await deps.delivery.markCancelled(deps.db, row.id, reason);
  deps.metrics.outboxResults.inc({ kind: row.kind, result: 'skipped_dnd' });
  deps.logger.info({ outboxId: row.id, kind: row.kind, channel }, `message not sent: ${reason}`);
}
