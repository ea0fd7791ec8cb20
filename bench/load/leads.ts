import { randomUUID } from 'node:crypto';
import type { FakeGhl } from '../../test/support/fakes/ghl-server.ts';
import { inboundMessagePayload, signWebhookBody } from '../../test/support/fakes/webhook-signer.ts';
import { fillScript, type Kind, type Lang, pickScript, TAGS_OF } from './scripts.ts';
import { realDoubleTextGapMs, realGapMs } from './think-time.ts';

/** One webhook the load generator sent, as GHL would have. */
export interface SentWebhook {
  messageId: string;
  contactId: string;
  locationId: string;
  kind: Kind;
  lang: Lang;
  /** Wall-clock ms (Date.now with sub-ms precision) when the request was started. */
  sentAt: number;
  ackMs: number;
  status: number;
  /** `status` of the JSON answer ("accepted", "duplicate", …), or "error" for a network failure. */
  outcome: string;
  replica: number;
}

export interface LeadsSpec {
  ghl: FakeGhl;
  replicaUrls: string[];
  locationIds: string[];
  leads: number;
  durationS: number;
  /** Real texting gaps are divided by this. */
  compress: number;
  /** Give up waiting for a reply after this long (the bot may rightly stay silent). */
  replyWaitMs: number;
  random: () => number;
  onSent?: (w: SentWebhook) => void;
}

const nowMs = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Counts the outbound messages the fake GHL stored per contact (read incrementally). */
export class ReplyTracker {
  private seen = 0;
  private readonly counts = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly ghl: FakeGhl) {
    this.timer = setInterval(() => this.scan(), 20);
  }

  scan(): void {
    const all = this.ghl.messages;
    for (; this.seen < all.length; this.seen++) {
      const m = all[this.seen];
      if (m?.direction === 'outbound') this.counts.set(m.contactId, (this.counts.get(m.contactId) ?? 0) + 1);
    }
  }

  repliesTo(contactId: string): number {
    return this.counts.get(contactId) ?? 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

let contactSeq = 0;
const newContactId = (r: () => number) =>
  `ld${Date.now().toString(36).slice(-6)}${String(++contactSeq).padStart(6, '0')}${Math.floor(r() * 1e6)}`
    .padEnd(20, '0')
    .slice(0, 20);

/**
 * Runs `leads` simulated leads until the duration ends: each picks a script (50 % lead, 30 %
 * buyer, 20 % seller), texts its lines through signed webhooks to a random replica, waits for the
 * bot's reply at the fake GHL, then takes a compressed real texting gap before the next line. A lead
 * whose script ends starts a new conversation as a new contact, so `leads` stay in flight.
 */
export async function runLeads(spec: LeadsSpec, tracker: ReplyTracker): Promise<SentWebhook[]> {
  const sent: SentWebhook[] = [];
  const endAt = Date.now() + spec.durationS * 1000;
  const r = spec.random;

  const send = async (c: { id: string; locationId: string; kind: Kind; lang: Lang }, text: string) => {
    const messageId = randomUUID().replaceAll('-', '').slice(0, 20);
    const raw = JSON.stringify(
      inboundMessagePayload({ locationId: c.locationId, contactId: c.id, body: text, messageId }),
    );
    const replica = Math.floor(r() * spec.replicaUrls.length);
    const headers = {
      'content-type': 'application/json',
      'x-ghl-signature': signWebhookBody(raw, 'ed25519'),
    };
    const sentAt = nowMs();
    let status = 0;
    let outcome = 'error';
    try {
      const res = await fetch(`${spec.replicaUrls[replica]}/webhooks/ghl`, {
        method: 'POST',
        headers,
        body: raw,
        signal: AbortSignal.timeout(10_000),
      });
      status = res.status;
      const body = (await res.json().catch(() => ({}))) as { status?: string };
      outcome = body.status ?? `http_${status}`;
    } catch {
      // network error or timeout: counted as an error
    }
    const w: SentWebhook = {
      messageId,
      contactId: c.id,
      locationId: c.locationId,
      kind: c.kind,
      lang: c.lang,
      sentAt,
      ackMs: nowMs() - sentAt,
      status,
      outcome,
      replica,
    };
    sent.push(w);
    spec.onSent?.(w);
  };

  const waitForReply = async (contactId: string, before: number) => {
    const deadline = Date.now() + spec.replyWaitMs;
    while (tracker.repliesTo(contactId) <= before && Date.now() < deadline && Date.now() < endAt)
      await sleep(25);
  };

  const lead = async (n: number) => {
    // Leads arrive spread over the first seconds, not all at once.
    await sleep(r() * Math.min(10_000, spec.durationS * 200));
    while (Date.now() < endAt) {
      const script = pickScript(r);
      const c = {
        id: newContactId(r),
        locationId: spec.locationIds[n % spec.locationIds.length]!,
        kind: script.kind,
        lang: script.lang,
      };
      spec.ghl.seedContact({
        id: c.id,
        locationId: c.locationId,
        firstName: script.lang === 'es' ? 'Lupe' : 'Sam',
        phone: `+1555${String(1_000_000 + ((n * 7919 + contactSeq) % 9_000_000)).slice(0, 7)}`,
        tags: TAGS_OF[script.kind],
      });
      const steps = fillScript(script, (opts) => opts[Math.floor(r() * opts.length)]!);
      for (const [i, step] of steps.entries()) {
        if (Date.now() >= endAt) break;
        const before = tracker.repliesTo(c.id);
        for (const [j, text] of step.entries()) {
          if (j > 0) await sleep(realDoubleTextGapMs(r) / spec.compress);
          await send(c, text);
        }
        if (i === steps.length - 1) break;
        await waitForReply(c.id, before);
        // A gap that runs past the end of the run is cut there (the lead would text later).
        await sleep(Math.min(realGapMs(r) / spec.compress, endAt - Date.now()));
      }
    }
  };

  await Promise.all(Array.from({ length: spec.leads }, (_, n) => lead(n)));
  return sent;
}
