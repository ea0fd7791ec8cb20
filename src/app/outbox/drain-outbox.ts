import {
  claimOutbox,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxCancelled,
  markOutboxSent,
  MESSAGE_KINDS,
  openOutboxForContact,
  releaseOutbox,
  sendConsentFacts,
  type OutboxRow,
} from '../../adapters/postgres/outbox-repo.ts';
import { statusLabel } from '../../adapters/postgres/deliveries-repo.ts';
import { MailError, type Mailer } from '../../ports/mailer.ts';
import { decideSendConsent } from '../../domain/compliance/send-consent.ts';
import { hasTag } from '../../domain/conversation.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';
import { type Clock, type Crm, CrmError, DailyBudgetExhaustedError, type Db } from '../../ports.ts';
import type { Stores } from '../../ports/stores.ts';
import { type Channel, type DndCheck, createDndCheck, isDndRefusal, messageChannel } from './channel-dnd.ts';
import { escalateToHumanReview } from '../escalations/escalate-to-human-review.ts';
import { createFieldProvisioner, type FieldProvisioner } from './provision-custom-fields.ts';
import type { EscalationDeps } from '../escalations/escalation-deps.ts';
import { contactSendWindow } from '../contacts/lead-send-window.ts';
import { storeSendResult } from './record-outbound.ts';
import { sendCmaEmail } from './send-cma-email.ts';
import { rememberStaffContact } from '../escalations/staff-senders.ts';
import { createWakeableLoop } from '../../resilience/wakeable-loop.ts';

export interface OutboxDrainerDeps {
  db: Db;
  stores: Stores;
  /** The CRM that serves a location (the sandbox location always gets the sandbox CRM). */
  crmFor: (locationId: string) => Crm;
  clock: Clock;
  /** The clock a location's rows were stamped with, when it differs (the sandbox). */
  clockFor?: (locationId: string) => Clock;
  /** Time zone for leads whose address, CRM zone and area code say nothing (`TIMEZONE`). */
  timezone: string;
  /** A location's own fallback time zone (its stored settings), when it may differ from `timezone`. */
  timezoneFor?: (locationId: string) => Promise<string>;
  logger: Logger;
  metrics: Metrics;
  /** How long a claimed action is ours before another worker may take it over. */
  leaseMs: number;
  batchSize?: number;
  maxAttempts?: number;
  pollMs?: number;
  escalation: EscalationDeps;
  /** First retry delay of a failed action (doubles per attempt, capped at 10 minutes). */
  retryBaseMs?: number;
  /** Runs the financial readiness assessment for a contact (outbox kind assess_financing). */
  /** `requestKey` names the outbox row, so a re-attempt after a crash repeats nothing. */
  assessFinancing: (
    locationId: string,
    contactId: string,
    requestKey: string,
  ) => Promise<Record<string, unknown>>;
  /** SMTP for the day-14 CMA email; without it the email goes through the CRM. */
  mailer?: Mailer | null;
  mailFrom?: string;
  /** Reads whether a channel is in do-not-disturb in the CRM (default: GHL's settings, 60 s cache). */
  dndCheck?: DndCheck;
  /** Creates a location's missing custom fields and maps keys to field ids (one per process). */
  fields?: FieldProvisioner;
}

// Outbox-level backoff, on top of the client's own quick retries: 5 s, 10 s, 20 s … capped at 10 min.
const retryDelayMs = (attempts: number, baseMs: number) => Math.min(baseMs * 2 ** (attempts - 1), 600_000);

// A send whose earlier attempt may have gone out is checked against messages sent since shortly
// before that attempt (clock skew between us and GHL).
const SEND_CHECK_SKEW_MS = 60_000;

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

export function createOutboxDrainer(deps: OutboxDrainerDeps) {
  const maxAttempts = deps.maxAttempts ?? 8;
  const dndBlocked = deps.dndCheck ?? createDndCheck();
  const fields = deps.fields ?? createFieldProvisioner({ logger: deps.logger });

  async function perform(row: OutboxRow): Promise<Record<string, unknown>> {
    const crm = deps.crmFor(row.location_id);
    const loc = row.location_id;
    const cid = row.contact_id;
    const a = row.payload;
    switch (a.kind) {
      case 'send_message': {
        if (row.attempts > 1 && row.first_attempt_at) {
          const since = new Date(new Date(row.first_attempt_at).getTime() - SEND_CHECK_SKEW_MS);
          const found = await crm.findRecentOutbound(loc, cid, a.message, since, {
            type: a.type,
            ...(a.subject ? { subject: a.subject } : {}),
            ...(a.html ? { html: a.html } : {}),
          });
          if (found) return { ...found, deduplicated: true };
        }
        const sent = await crm.sendMessage(loc, {
          contactId: cid,
          type: a.type,
          message: a.message,
          ...(a.subject ? { subject: a.subject } : {}),
          ...(a.html ? { html: a.html } : {}),
          ...(a.attachments ? { attachments: a.attachments } : {}),
          ...(a.replyToMessageId ? { replyToMessageId: a.replyToMessageId } : {}),
          ...(a.threadId ? { threadId: a.threadId } : {}),
        });
        return { ...sent };
      }
      case 'add_tags':
        await crm.addTags(loc, cid, a.tags);
        return {};
      case 'remove_tags':
        await crm.removeTags(loc, cid, a.tags);
        return {};
      case 'set_fields':
        await fields.write(crm, loc, cid, a.fields);
        return {};
      case 'add_note':
        return { ...(await crm.addNote(loc, cid, a.body)) };
      case 'create_task':
        return {
          ...(await crm.createTask(loc, cid, {
            title: a.title,
            ...(a.body ? { body: a.body } : {}),
            dueDate: a.dueDate,
          })),
        };
      case 'create_appointment':
        return {
          ...(await crm.createAppointment(loc, {
            calendarId: a.calendarId,
            contactId: cid,
            startTime: a.startTime,
            title: a.title,
          })),
        };
      case 'notify_staff': {
        const sent = await crm.notifyStaff(loc, {
          channel: a.channel,
          to: a.to,
          name: a.name,
          message: a.message,
          ...(a.subject ? { subject: a.subject } : {}),
        });
        // Their answer must never start a bot, even when GHL's event names only the contact id.
        if (sent.contactId)
          await rememberStaffContact(
            deps.escalation.stores.contacts,
            deps.db,
            loc,
            sent.contactId,
            a,
            clockOf(loc).now(),
          );
        return { ...sent };
      }
      case 'assess_financing':
        return deps.assessFinancing(loc, cid, `outbox:${row.id}`);
      case 'send_cma_email':
        return sendCmaEmail(
          {
            db: deps.db,
            stores: deps.stores,
            crm,
            mailer: deps.mailer ?? null,
            mailFrom: deps.mailFrom ?? 'no-reply@localhost',
          },
          loc,
          cid,
          a,
          {
            since:
              row.attempts > 1 && row.first_attempt_at
                ? new Date(new Date(row.first_attempt_at).getTime() - SEND_CHECK_SKEW_MS)
                : null,
          },
        );
    }
  }

  const clockOf = (locationId: string): Clock => deps.clockFor?.(locationId) ?? deps.clock;

  /**
   * The check right before a message reaches the lead (send-consent.ts): an opt-out recorded since
   * the row was queued cancels it, one stored but not yet read holds it; a text we started waits
   * for the lead's sending window and daily cap, and is dropped if the lead or a person wrote
   * first. False when the row must not go now.
   */
  async function mayGoOut(row: OutboxRow): Promise<boolean> {
    if (!(MESSAGE_KINDS as readonly string[]).includes(row.kind)) return true;
    const now = clockOf(row.location_id).now();
    const facts = await sendConsentFacts(
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
      await markOutboxCancelled(deps.db, row.id, CANCEL_REASONS[verdict.reason]);
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
      await releaseOutbox(deps.db, row.id, at);
      deps.metrics.outboxResults.inc({
        kind: row.kind,
        result: verdict.reason === 'unread_opt_out' ? 'held' : `held_${verdict.reason}`,
      });
    }
    return false;
  }

  /** A message on a channel in DND is cancelled: not retried, not escalated (docs/ESCALATIONS.md). */
  async function skipForDnd(row: OutboxRow, channel: Channel): Promise<void> {
    const reason = `the contact has do not disturb on for ${channel} in the CRM`;
    await markOutboxCancelled(deps.db, row.id, reason);
    deps.metrics.outboxResults.inc({ kind: row.kind, result: 'skipped_dnd' });
    deps.logger.info({ outboxId: row.id, kind: row.kind, channel }, `message not sent: ${reason}`);
  }

  /** Carries one claimed row out; false when it was held back or cancelled instead. */
  async function finish(row: OutboxRow): Promise<boolean> {
    const channel = messageChannel(row.payload);
    try {
      if (!(await mayGoOut(row))) return false;
      const crm = deps.crmFor(row.location_id);
      if (channel && (await dndBlocked(crm, row.location_id, row.contact_id, channel))) {
        await skipForDnd(row, channel);
        return true;
      }
      const result = await perform(row);
      // Stamped on the clock the row's location runs on, like the row itself (the sandbox's).
      const now = clockOf(row.location_id).now();
      const { messageId } = result;
      // GHL's id of a message, stored with a report of it that came first (record-outbound.ts).
      const early = await deps.db.transaction(async (tx) => {
        await markOutboxSent(tx, row.id, result, now);
        const message = (MESSAGE_KINDS as readonly string[]).includes(row.kind);
        return message && typeof messageId === 'string' ? storeSendResult(tx, row, messageId, now) : null;
      });
      deps.metrics.outboxResults.inc({
        kind: row.kind,
        result: result.deduplicated ? 'deduplicated' : 'sent',
      });
      if (early) deps.metrics.messageDelivery.inc({ status: statusLabel(early), sender: 'bot' });
      if (row.kind === 'send_message') {
        if (row.inbox_id !== null) {
          const { rows } = await deps.db.query<{ received_at: Date }>(
            `SELECT received_at FROM inbox WHERE id = $1`,
            [row.inbox_id],
          );
          if (rows[0])
            deps.metrics.endToEnd.observe(
              Math.max(0, Date.now() - new Date(rows[0].received_at).getTime()) / 1000,
            );
        }
      }
      return true;
    } catch (err) {
      if (channel && isDndRefusal(err)) {
        await skipForDnd(row, channel);
        return true;
      }
      if (err instanceof DailyBudgetExhaustedError) {
        // Refused before anything was sent; the day frees up in minutes or hours. Waiting for it is
        // not a failed attempt, so the action is neither given up nor escalated meanwhile.
        await releaseOutbox(deps.db, row.id, new Date(deps.clock.now().getTime() + err.retryAfterMs));
        deps.metrics.outboxResults.inc({ kind: row.kind, result: 'held_daily_budget' });
        deps.logger.warn(
          { outboxId: row.id, kind: row.kind, retryAfterMs: err.retryAfterMs },
          'GHL daily budget used up; action held',
        );
        return false;
      }
      const retryable = err instanceof CrmError || err instanceof MailError ? err.retryable : true;
      const message = err instanceof Error ? err.message : String(err);
      if (retryable && row.attempts < maxAttempts) {
        const next = new Date(
          deps.clock.now().getTime() + retryDelayMs(row.attempts, deps.retryBaseMs ?? 5_000),
        );
        await markOutboxRetry(deps.db, row.id, message, next);
        deps.metrics.outboxResults.inc({ kind: row.kind, result: 'retry' });
        deps.logger.warn(
          { outboxId: row.id, kind: row.kind, attempts: row.attempts, err },
          'CRM action will be retried',
        );
      } else {
        await markOutboxFailed(deps.db, row.id, message);
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
          loop.wake();
        }
      }
      return true;
    }
  }

  async function runOnce(contact?: { locationId: string; contactId: string }): Promise<boolean> {
    // A sandbox contact's rows are stamped with the sandbox clock, which may run ahead.
    const clock = contact && deps.clockFor ? deps.clockFor(contact.locationId) : deps.clock;
    const rows = await claimOutbox(deps.db, {
      now: clock.now(),
      leaseMs: deps.leaseMs,
      limit: deps.batchSize ?? 50,
      ...(contact ? { contact } : {}),
    });
    // At most one row per contact is claimed, so contacts proceed in parallel and each stays in order.
    const done = await Promise.all(rows.map(finish));
    return done.some(Boolean);
  }

  /** Sends everything due for one contact now (the sandbox's synchronous path). */
  async function drainContact(locationId: string, contactId: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await openOutboxForContact(deps.db, locationId, contactId)) > 0) {
      const progressed = await runOnce({ locationId, contactId });
      if (!progressed) {
        // Either another worker is sending it, or it waits for a retry later; don't block forever.
        if (Date.now() > deadline) return;
        const { rows } = await deps.db.query(
          `SELECT 1 FROM outbox WHERE location_id = $1 AND contact_id = $2 AND status = 'sending' LIMIT 1`,
          [locationId, contactId],
        );
        if (rows.length === 0) return;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }

  const loop = createWakeableLoop(() => runOnce(), {
    idleMs: deps.pollMs ?? 250,
    onError: (err) => deps.logger.error({ err }, 'outbox drainer error'),
  });

  const self = { runOnce, drainContact, start: loop.start, notify: loop.wake, stop: loop.stop };
  return self;
}

export type OutboxDrainer = ReturnType<typeof createOutboxDrainer>;
