import { nextAllowedSend } from '../../domain/compliance/quiet-hours.ts';
import type { BotsConfig } from '../../domain/bots-config.ts';
import { allowedSendTime, FOLLOW_UP_STEPS, type FollowUpStep } from '../../domain/follow-up/index.ts';
import type { FollowUpBasis, FollowUpPlan } from '../../ports/follow-up-store.ts';
import type { ModelCallRecord } from '../../ports/model-call-record.ts';
import type { OutboxAction } from '../../ports/outbox-action.ts';
import { contactSendWindow } from '../contacts/lead-send-window.ts';
import { type FollowUpSubject, followUpSubject } from './follow-up-status.ts';
import type { PreparedFollowUp } from './prepare-follow-up.ts';

export interface FollowUpRun {
  locationId: string;
  contactId: string;
  step: string;
  status: 'sent' | 'skipped' | 'pending';
  channel: string | null;
  reason: string | null;
}

/** A step's plan and what the runner reports of it. */
export interface PlannedStep {
  plan: FollowUpPlan;
  run: FollowUpRun;
}

/** A step that passed its checks: what composing it needs. */
export interface StepToSend {
  step: FollowUpStep;
  subject: FollowUpSubject;
  /** The lead's time zone (their address, CRM zone, area code, else the location's). */
  timezone: string;
}

export interface StepRules {
  bots: BotsConfig;
  /** Time zone for contacts whose address, CRM zone and area code say nothing. */
  timezone: string;
  /** A step waits this long after someone else (a GHL workflow, campaign, person) texted the contact. */
  quietAfterOtherSendMs: number;
}

/**
 * The step's checks against its basis (pure): skipped for good (contact gone, opted out, taken
 * over, booked…), held (someone else texted the lead recently, outside the lead's hours, the daily
 * cap), or to be sent.
 */
export function checkFollowUpStep(
  basis: FollowUpBasis,
  rules: StepRules,
  now: Date,
): { planned: PlannedStep } | { send: StepToSend } {
  const row = basis.step;
  const run = { locationId: row.location_id, contactId: row.contact_id, step: row.step, channel: null };
  const wait = (dueAt: Date, reason: string, stored: string | null): { planned: PlannedStep } => ({
    planned: {
      plan: emptyPlan(basis, now, { status: 'pending', dueAt, reason: stored }),
      run: { ...run, status: 'pending', reason },
    },
  });
  const subject = followUpSubject(basis.subject, rules.bots);
  const blocked = subject ? subject.blocked : 'contact_missing';
  if (blocked || !subject || !(FOLLOW_UP_STEPS as readonly string[]).includes(row.step)) {
    const reason = blocked ?? 'unknown_step';
    return {
      planned: {
        plan: emptyPlan(basis, now, { status: 'skipped', reason, at: now }),
        run: { ...run, status: 'skipped', reason },
      },
    };
  }
  // One automated sender per contact: after a GHL workflow, campaign, bulk action or person texted
  // the lead, the step waits out the quiet window instead of texting on top of it.
  const quietMs = rules.quietAfterOtherSendMs;
  const other = quietMs > 0 ? basis.lastOtherSendAt : null;
  if (other && now.getTime() - other.getTime() < quietMs) {
    const until = new Date(other.getTime() + quietMs);
    return wait(until, 'other_sender_recent', 'other_sender_recent');
  }
  // The lead's clock and their state's hours and daily cap (quiet-hours.ts), one follow-up a local day.
  const window = contactSendWindow(subject.contact, rules.timezone);
  // Measured from now, not the due time: a step that waited (downtime) must still respect the window.
  const oneADay = allowedSendTime(now, window.zone, {
    lastAutomatedAt: basis.lastSentAt,
    window: { startHour: window.startHour, endHour: window.endHour },
  });
  const at = nextAllowedSend(oneADay, window, basis.initiatedSent);
  if (at.getTime() > now.getTime()) {
    const capped = nextAllowedSend(oneADay, window, []).getTime() < at.getTime();
    return wait(at, capped ? 'daily_limit' : 'outside_send_window', null);
  }
  return { send: { step: row.step as FollowUpStep, subject, timezone: window.zone } };
}

function emptyPlan(basis: FollowUpBasis, now: Date, outcome: FollowUpPlan['outcome']): FollowUpPlan {
  const row = basis.step;
  return {
    locationId: row.location_id,
    contactId: row.contact_id,
    at: now,
    outcome,
    document: null,
    outbox: [],
    transcript: null,
    modelCalls: [],
  };
}

/**
 * A composed step as data (pure): its outbox rows (the text or email, the agent's tasks), the CMA
 * document, the transcript line and the model calls made for it. `documentId` names the PDF.
 */
export function planSentStep(
  basis: FollowUpBasis,
  prepared: PreparedFollowUp,
  modelCalls: ModelCallRecord[],
  now: Date,
  documentId: string,
): PlannedStep {
  const row = basis.step;
  const actions: OutboxAction[] = [];
  const detail: Record<string, unknown> = {};
  const m = prepared.message;
  let document: FollowUpPlan['document'] = null;
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
    if (prepared.pdf) {
      document = {
        id: documentId,
        filename: m.attachmentName,
        contentType: 'application/pdf',
        bytes: prepared.pdf,
      };
      detail.documentId = documentId;
    }
    actions.push({
      kind: 'send_cma_email',
      subject: m.subject,
      text: m.text,
      html: m.html,
      attachmentName: m.attachmentName,
      ...(document ? { documentId } : {}),
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
  const outbox = actions.map((action, n) => ({ key: `fu:${row.id}:${n}`, action }));
  const message = outbox.find((o) => o.action.kind !== 'create_task');
  return {
    plan: {
      ...emptyPlan(basis, now, { status: 'sent', channel, detail, at: now }),
      document,
      outbox,
      transcript: { channel, body: m.kind === 'sms' ? m.body : m.text, outboxKey: message?.key ?? null },
      modelCalls,
    },
    run: {
      locationId: row.location_id,
      contactId: row.contact_id,
      step: row.step,
      status: 'sent',
      channel,
      reason: null,
    },
  };
}
