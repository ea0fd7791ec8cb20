import type { OutboxRow } from '../../ports/outbox-delivery.ts';
import { CrmError, DailyBudgetExhaustedError } from '../../ports.ts';
import { MailError } from '../../ports/mailer.ts';
import { breakerRefusal } from '../../resilience/breaker.ts';
import { escalateToHumanReview } from '../escalations/escalate-to-human-review.ts';
import { type Channel, isDndRefusal } from './channel-dnd.ts';
import { skipForDnd } from './check-send-consent.ts';
import type { DrainerContext } from './drainer-deps.ts';

// A refusal while a half-open trial is in flight says nothing of when the circuit closes: look again soon.
const MIN_BREAKER_HOLD_MS = 1_000;

// Outbox-level backoff, on top of the client's own quick retries: 5 s, 10 s, 20 s … capped at 10 min.
const retryDelayMs = (attempts: number, baseMs: number) => Math.min(baseMs * 2 ** (attempts - 1), 600_000);

/**
 * What becomes of an action whose attempt threw: a do-not-disturb refusal cancels it, a used-up
 * daily budget or an open circuit breaker holds it without counting an attempt, a retryable error schedules the next attempt
 * with backoff, anything else (or the last attempt) fails it for good, audits it and, unless the
 * step belongs to an escalation already, escalates the contact to a person. `progressed` is false
 * only when the action was held; `escalated` tells the drainer a new escalation was queued.
 */
export async function handleSendFailure(
  deps: DrainerContext,
  row: OutboxRow,
  channel: Channel | null,
  err: unknown,
): Promise<{ progressed: boolean; escalated: boolean }> {
  if (channel && isDndRefusal(err)) {
    await skipForDnd(deps, row, channel);
    return { progressed: true, escalated: false };
  }
  if (err instanceof DailyBudgetExhaustedError) {
    // Refused before anything was sent; the day frees up in minutes or hours. Waiting for it is
    // not a failed attempt, so the action is neither given up nor escalated meanwhile.
    await deps.delivery.release(deps.db, row.id, new Date(deps.clock.now().getTime() + err.retryAfterMs));
    deps.metrics.outboxResults.inc({ kind: row.kind, result: 'held_daily_budget' });
    deps.logger.warn(
      { outboxId: row.id, kind: row.kind, retryAfterMs: err.retryAfterMs },
      'GHL daily budget used up; action held',
    );
    return { progressed: false, escalated: false };
  }
  const refusal = breakerRefusal(err);
  if (refusal) {
    // The breaker refused before anything was sent (the dependency failed repeatedly just now).
    // Those fast refusals are not attempts: counting them would use up every attempt within the
    // first backoff steps of an outage and fail and escalate actions that go out fine minutes later.
    // The claim counted one; release gives it back and holds the action until the circuit's trial.
    const holdMs = Math.max(refusal.retryInMs, MIN_BREAKER_HOLD_MS);
    await deps.delivery.release(deps.db, row.id, new Date(deps.clock.now().getTime() + holdMs));
    deps.metrics.outboxResults.inc({ kind: row.kind, result: 'held_breaker_open' });
    deps.logger.warn(
      { outboxId: row.id, kind: row.kind, holdMs },
      'circuit breaker open; action held until its next trial',
    );
    return { progressed: false, escalated: false };
  }
  let escalated = false;
  const retryable = err instanceof CrmError || err instanceof MailError ? err.retryable : true;
  const message = err instanceof Error ? err.message : String(err);
  if (retryable && row.attempts < deps.maxAttempts) {
    const next = new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts, deps.retryBaseMs ?? 5_000));
    await deps.delivery.markRetry(deps.db, row.id, message, next);
    deps.metrics.outboxResults.inc({ kind: row.kind, result: 'retry' });
    deps.logger.warn(
      { outboxId: row.id, kind: row.kind, attempts: row.attempts, err },
      'CRM action will be retried',
    );
  } else {
    await deps.delivery.markFailed(deps.db, row.id, message);
    deps.metrics.outboxResults.inc({ kind: row.kind, result: 'failed' });
    deps.logger.error(
      { outboxId: row.id, kind: row.kind, attempts: row.attempts, err },
      'CRM action failed for good',
    );
    await deps.stores.contacts.audit(deps.db, {
      locationId: row.location_id,
      contactId: row.contact_id,
      actor: 'system',
      action: 'crm_action_failed',
      detail: { outboxId: row.id, kind: row.kind, error: message },
      at: deps.clock.now(),
    });
    // A turn whose outside calls still fail after every retry goes to a person, unless the
    // failing step is itself part of an escalation (its record already exists).
    if (!/^(?:esc|cmp)_/.test(row.idempotency_key) && row.kind !== 'assess_financing') {
      await deps.db.transaction((tx) =>
        escalateToHumanReview(
          tx,
          deps.escalation,
          {
            locationId: row.location_id,
            contactId: row.contact_id,
            reason: 'crm_failure',
            context: { outboxId: row.id, kind: row.kind, error: message },
          },
          deps.clock.now(),
        ),
      );
      escalated = true;
    }
  }
  return { progressed: true, escalated };
}
