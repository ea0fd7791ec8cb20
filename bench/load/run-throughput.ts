import { randomUUID } from 'node:crypto';
import { inboundMessagePayload, signWebhookBody } from '../../test/support/fakes/webhook-signer.ts';
import { type Percentiles, percentiles } from '../lib/percentiles.ts';
import type { LoadArgs } from './args.ts';
import { backlog } from './collect.ts';
import type { LoadEnvironment } from './environment.ts';
import { pickScript, SCRIPTS, TAGS_OF } from './scripts.ts';
import { seeded } from './think-time.ts';

export interface ThroughputStep {
  offeredPerS: number;
  /** What the generator managed to send (it may fall behind at high rates on a busy machine). */
  sentPerS: number;
  acceptedPerS: number;
  /** Inbox rows the replicas finished per second during the step. */
  processedPerS: number;
  /** Replies handed to GHL per second during the step. */
  repliesPerS: number;
  backlogStart: number;
  backlogEnd: number;
  ackMs: Percentiles;
  non200: number;
  /** CRM actions given up so far (any failure makes the step not flat). */
  failedActions: number;
  flat: boolean;
}

export interface ThroughputRun {
  steps: ThroughputStep[];
  /** Highest offered rate whose step kept the backlog flat (null: not even the first). */
  sustainedPerS: number | null;
}

const MAX_IN_FLIGHT = 400;

/**
 * Open loop: for each offered rate, webhooks (lines of the conversation scripts, spread over many
 * contacts so per-contact ordering is not the limit) are sent at that rate for `stepS` seconds.
 * A step is flat when the replicas finished at least 95 % of what was accepted and the backlog
 * grew by less than two seconds' worth of the rate. The ramp stops at the first step that is not.
 */
export async function runThroughputProfile(
  args: LoadArgs,
  env: LoadEnvironment,
  log: (m: string) => void,
): Promise<ThroughputRun> {
  const urls = env.services.map((s) => s.url);
  const r = seeded(args.seed);
  const lines = SCRIPTS.flatMap((s) => s.steps.flatMap((x) => (typeof x === 'string' ? [x] : [...x]))).map(
    (t) => t.replace(/\{\w+\}/g, 'Etiwanda'),
  );
  const contacts: { id: string; locationId: string }[] = [];
  const contactFor = (n: number) => {
    while (contacts.length <= n) {
      const i = contacts.length;
      const id = `tp${env.runId.slice(-6)}${String(i).padStart(12, '0')}`;
      const locationId = env.locationIds[i % env.locationIds.length]!;
      const kind = pickScript(r).kind;
      env.ghl.seedContact({
        id,
        locationId,
        firstName: 'Sam',
        phone: `+1555${String(1_000_000 + i).slice(0, 7)}`,
        tags: TAGS_OF[kind],
      });
      contacts.push({ id, locationId });
    }
    return contacts[n]!;
  };
  const steps: ThroughputStep[] = [];
  let seq = 0;
  for (const rate of args.rates) {
    const pool = Math.max(200, rate * 5);
    const startBacklog = await backlog(env.pool);
    const stepStart = new Date();
    const acks: number[] = [];
    let sent = 0;
    let accepted = 0;
    let non200 = 0;
    const inFlight = new Set<Promise<void>>();
    const t0 = performance.now();
    const endAt = t0 + args.stepS * 1000;
    while (performance.now() < endAt) {
      const due = Math.floor(((performance.now() - t0) / 1000) * rate);
      while (sent < due && inFlight.size < MAX_IN_FLIGHT) {
        const c = contactFor(seq++ % pool);
        const raw = JSON.stringify(
          inboundMessagePayload({
            locationId: c.locationId,
            contactId: c.id,
            body: lines[Math.floor(r() * lines.length)]!,
            messageId: randomUUID().replaceAll('-', '').slice(0, 20),
          }),
        );
        const url = urls[sent % urls.length]!;
        sent++;
        const p = (async () => {
          const a = performance.now();
          try {
            const res = await fetch(`${url}/webhooks/ghl`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-ghl-signature': signWebhookBody(raw, 'ed25519'),
              },
              body: raw,
              signal: AbortSignal.timeout(10_000),
            });
            const body = (await res.json().catch(() => ({}))) as { status?: string };
            acks.push(performance.now() - a);
            if (res.status === 200 && body.status === 'accepted') accepted++;
            if (res.status !== 200) non200++;
          } catch {
            non200++;
          }
        })();
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }
      await new Promise((res) => setTimeout(res, 20));
    }
    await Promise.all(inFlight);
    const stepS = (performance.now() - t0) / 1000;
    const stepEnd = new Date();
    const endBacklog = await backlog(env.pool);
    const { rows } = await env.pool.query<{ processed: number; replies: number; failed: number }>(
      `SELECT (SELECT count(*) FROM inbox WHERE processed_at >= $1 AND processed_at < $2)::int AS processed,
              (SELECT count(*) FROM outbox WHERE kind = 'send_message' AND sent_at >= $1 AND sent_at < $2)::int AS replies,
              (SELECT count(*) FROM outbox WHERE status = 'failed')::int AS failed`,
      [stepStart, stepEnd],
    );
    const processedPerS = (rows[0]?.processed ?? 0) / stepS;
    const b0 = startBacklog.inboxPending + startBacklog.repliesDue;
    const b1 = endBacklog.inboxPending + endBacklog.repliesDue;
    const step: ThroughputStep = {
      offeredPerS: rate,
      sentPerS: sent / stepS,
      acceptedPerS: accepted / stepS,
      processedPerS,
      repliesPerS: (rows[0]?.replies ?? 0) / stepS,
      backlogStart: b0,
      backlogEnd: b1,
      ackMs: percentiles(acks),
      non200,
      failedActions: rows[0]?.failed ?? 0,
      flat:
        (rows[0]?.failed ?? 0) === 0 &&
        non200 === 0 &&
        sent / stepS >= 0.9 * rate &&
        processedPerS >= 0.95 * (accepted / stepS) &&
        b1 - b0 < 2 * rate,
    };
    steps.push(step);
    log(
      `  ${rate}/s offered: sent ${step.sentPerS.toFixed(0)}/s, accepted ${step.acceptedPerS.toFixed(0)}/s, ` +
        `processed ${processedPerS.toFixed(0)}/s, replies ${step.repliesPerS.toFixed(0)}/s, backlog ${b0} → ${b1}` +
        `${step.flat ? '' : '  (not flat: stopping the ramp)'}`,
    );
    if (!step.flat) break;
  }
  const flat = steps.filter((s) => s.flat);
  return { steps, sustainedPerS: flat.length > 0 ? Math.max(...flat.map((s) => s.offeredPerS)) : null };
}
