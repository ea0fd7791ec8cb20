import { randomUUID } from 'node:crypto';
import { nextAllowedSend } from '../../domain/compliance/quiet-hours.ts';
import { allowedSendTime, FOLLOW_UP_STEPS, type FollowUpStep } from '../../domain/follow-up/index.ts';
import type { Db, Sql } from '../../ports.ts';
import type { FollowUpStore } from '../../ports/follow-up-store.ts';
import { loadFollowUpSubject } from './follow-up-status.ts';
import { contactSendWindow } from '../contacts/lead-send-window.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';
import { type FollowUpContentDeps, prepareFollowUp } from './prepare-follow-up.ts';

export interface FollowUpRunnerDeps extends FollowUpContentDeps {
  db: Db;
  /** The due steps, what their checks read and what a sent step writes. */
  store: FollowUpStore;
  /** Time zone for contacts whose address, CRM zone and area code say nothing (`TIMEZONE`). */
  timezone: string;
  /** Told about every step taken (metrics). */
  onRun?: (run: FollowUpRun) => void;
  /** A step waits this long after someone else (a GHL workflow, campaign, person) texted the contact. */
  quietAfterOtherSendMs?: number;
  /**
   * The bots' published wording, read before each step's transaction opens: read inside it, a cold
   * cache would query the database beside the open transaction, which on the embedded database (one
   * connection) waits for that very transaction and never returns.
   */
  currentBots?: () => Promise<FollowUpContentDeps['bots']>;
  /** The persona and fallback time zone a location's steps use (its stored settings), read through `sql`. */
  localFor?: (
    locationId: string,
    sql: Sql,
    bots: FollowUpContentDeps['bots'],
  ) => Promise<{ bots: FollowUpContentDeps['bots']; timezone: string }>;
}

export interface FollowUpRun {
  locationId: string;
  contactId: string;
  step: string;
  status: 'sent' | 'skipped' | 'pending';
  channel: string | null;
  reason: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Runs every follow-up step due at `now` for one location (`only: true`) or for every other
 * location (`only: false`), each in its own transaction: the step is locked, checked, composed and
 * its outbox rows written together with its new status, so a crash before commit leaves it pending
 * and a committed step never runs again.
 */
export async function runDueFollowUps(
  deps: FollowUpRunnerDeps,
  opts: { now: Date; locationId: string; only: boolean; limit?: number },
): Promise<FollowUpRun[]> {
  const ids = await deps.store.listDue(deps.db, { ...opts, limit: opts.limit ?? 20 });
  const out: FollowUpRun[] = [];
  for (const id of ids) {
    const bots = deps.currentBots ? await deps.currentBots() : deps.bots;
    const run = await deps.db.transaction((tx) => runOne(tx, deps, id, opts.now, bots));
    if (run) {
      out.push(run);
      deps.onRun?.(run);
    }
  }
  return out;
}

async function runOne(
  tx: Sql,
  runner: FollowUpRunnerDeps,
  id: number,
  now: Date,
  bots: FollowUpContentDeps['bots'],
): Promise<FollowUpRun | null> {
  const row = await runner.store.lockDue(tx, id, now);
  if (!row) return null;
  const deps = runner.localFor
    ? { ...runner, ...(await runner.localFor(row.location_id, tx, bots)) }
    : { ...runner, bots };
  const loc = row.location_id;
  const cid = row.contact_id;
  const base = { locationId: loc, contactId: cid, step: row.step };
  const subject = await loadFollowUpSubject(deps.store, tx, loc, cid, deps.bots);
  const blocked = subject ? subject.blocked : 'contact_missing';
  if (blocked || !subject || !(FOLLOW_UP_STEPS as readonly string[]).includes(row.step)) {
    const reason = blocked ?? 'unknown_step';
    await deps.store.finish(tx, row.id, { status: 'skipped', reason, at: now });
    return { ...base, status: 'skipped', channel: null, reason };
  }
  // One automated sender per contact: after a GHL workflow, campaign, bulk action or person texted
  // the lead, the step waits out the quiet window instead of texting on top of it.
  const quietMs = deps.quietAfterOtherSendMs ?? 0;
  const other = quietMs > 0 ? await deps.store.lastOtherSendAt(tx, loc, cid) : null;
  if (other && now.getTime() - other.getTime() < quietMs) {
    await deps.store.hold(tx, row.id, new Date(other.getTime() + quietMs), 'other_sender_recent');
    return { ...base, status: 'pending', channel: null, reason: 'other_sender_recent' };
  }
  // The lead's clock and their state's hours and daily cap (quiet-hours.ts), one follow-up a local day.
  const window = contactSendWindow(subject.contact, deps.timezone);
  const timezone = window.zone;
  // Measured from now, not the due time: a step that waited (downtime) must still respect the window.
  const oneADay = allowedSendTime(now, timezone, {
    lastAutomatedAt: await deps.store.lastSentAt(tx, loc, cid),
    window: { startHour: window.startHour, endHour: window.endHour },
  });
  const sent = await deps.store.initiatedMessagesSentSince(tx, loc, cid, new Date(now.getTime() - DAY_MS));
  const at = nextAllowedSend(oneADay, window, sent);
  if (at.getTime() > now.getTime()) {
    await deps.store.postpone(tx, row.id, at);
    const capped = nextAllowedSend(oneADay, window, []).getTime() < at.getTime();
    return {
      ...base,
      status: 'pending',
      channel: null,
      reason: capped ? 'daily_limit' : 'outside_send_window',
    };
  }

  const step = row.step as FollowUpStep;
  const prepared = await prepareFollowUp(deps, step, { ...subject, now, timezone });
  const actions: OutboxAction[] = [];
  const detail: Record<string, unknown> = {};
  for (const record of prepared.modelRecords ?? []) {
    await deps.store.recordModelCall(tx, { locationId: loc, contactId: cid, inboxId: null, record, at: now });
  }
  const m = prepared.message;
  let channel: string;
  if (m.kind === 'sms') {
    channel = 'SMS';
    actions.push({ kind: 'send_message', type: 'SMS', message: m.body });
    if (m.task)
      actions.push({
        kind: 'create_task',
        title: m.task.title,
        body: m.task.body,
        dueDate: now.toISOString(),
      });
  } else if (m.kind === 'matches_email') {
    channel = 'Email';
    actions.push({ kind: 'send_message', type: 'Email', subject: m.subject, message: m.text, html: m.html });
  } else {
    channel = 'Email';
    let documentId: string | undefined;
    if (prepared.pdf) {
      documentId = randomUUID();
      await deps.store.saveDocument(tx, {
        id: documentId,
        filename: m.attachmentName,
        contentType: 'application/pdf',
        bytes: prepared.pdf,
        at: now,
      });
      detail.documentId = documentId;
    }
    actions.push({
      kind: 'send_cma_email',
      subject: m.subject,
      text: m.text,
      html: m.html,
      attachmentName: m.attachmentName,
      ...(documentId ? { documentId } : {}),
    });
  }
  if (prepared.cmaError) {
    detail.cmaError = prepared.cmaError;
    actions.push({
      kind: 'create_task',
      title: 'Send the CMA by hand',
      body: `The day-14 CMA could not be made automatically (${prepared.cmaError}). Please prepare it and follow up.`,
      dueDate: now.toISOString(),
    });
  }
  let n = 0;
  let messageOutboxId: number | null = null;
  for (const action of actions) {
    const outboxId = await deps.store.enqueue(tx, {
      locationId: loc,
      contactId: cid,
      inboxId: null,
      action,
      idempotencyKey: `fu:${row.id}:${n++}`,
      at: now,
    });
    if (messageOutboxId === null && action.kind !== 'create_task') messageOutboxId = outboxId;
  }
  await deps.store.appendMessage(tx, {
    locationId: loc,
    contactId: cid,
    direction: 'outbound',
    channel,
    body: m.kind === 'sms' ? m.body : m.text,
    ...(messageOutboxId !== null ? { outboxId: messageOutboxId } : {}),
    at: now,
  });
  await deps.store.finish(tx, row.id, { status: 'sent', channel, detail, at: now });
  return { ...base, status: 'sent', channel, reason: null };
}
