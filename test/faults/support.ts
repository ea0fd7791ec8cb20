import type { FakeGhl } from '../support/fakes/ghl-server.ts';
import { type EmitOptions, emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import type { TestDb } from '../support/db.ts';

/** Texts as leads send them, one per lead, so every reply can be told apart. */
export const LEAD_TEXTS = [
  'hi, thinking about selling my place in alta loma, whats it worth these days?',
  'hey! we want to buy a 3 bed around 650k, pre approved already',
  'Is this Jorge? saw your sign. looking to sell in the next couple months',
  'buying our first home, budget maybe 550-600k, etiwanda schools',
  'need to sell my moms house, she moved in with us. its on haven ave',
  'hola, queremos comprar una casa de 4 recamaras en rancho',
  'how much could i get for a 4br in victoria gardens area',
  'looking for something with a pool under 800',
];

/** `n` leads in GHL with ids `<prefix>0…` (20 characters, like GHL's) and phone numbers of their own. */
export function seedLeads(ghl: FakeGhl, prefix: string, n: number): string[] {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(20 - prefix.length, '0')}`);
  for (const [i, id] of ids.entries()) ghl.seedContact({ id, phone: `+1909555${String(2000 + i)}` });
  return ids;
}

/** GHL delivers a lead's text: stored at GHL first, then the signed InboundMessage webhook. */
export async function leadTexts(
  url: string,
  ghl: FakeGhl,
  contactId: string,
  body: string,
  opts: EmitOptions = {},
) {
  const stored = ghl.addInboundMessage({ contactId, body });
  return emitWebhook(
    `${url}/webhooks/ghl`,
    inboundMessagePayload({
      locationId: ghl.locationId,
      contactId,
      body,
      messageId: stored.id,
      conversationId: stored.conversationId,
    }),
    { timeoutMs: 30_000, ...opts },
  );
}

/** Replies GHL holds per contact (outbound messages), for "exactly once" checks. */
export function repliesPerContact(ghl: FakeGhl, contactIds: string[]): Record<string, number> {
  return Object.fromEntries(
    contactIds.map((id) => [
      id,
      ghl.messages.filter((m) => m.contactId === id && m.direction === 'outbound').length,
    ]),
  );
}

/** Inbox events and outbox actions not yet settled (pending, in progress, or waiting to retry). */
export async function openWork(tdb: TestDb): Promise<number> {
  const { rows } = await tdb.db.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM inbox WHERE status = 'pending')
          + (SELECT count(*) FROM outbox WHERE status IN ('pending', 'sending')) AS n`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Work that ended badly: inbox events parked as failed, outbox actions given up. */
export async function failedWork(tdb: TestDb): Promise<{ inbox: number; outbox: number }> {
  const { rows } = await tdb.db.query<{ inbox: string; outbox: string }>(
    `SELECT (SELECT count(*) FROM inbox WHERE status = 'failed') AS inbox,
            (SELECT count(*) FROM outbox WHERE status = 'failed') AS outbox`,
  );
  return { inbox: Number(rows[0]?.inbox ?? 0), outbox: Number(rows[0]?.outbox ?? 0) };
}

/** The value of one gauge or counter series in a Prometheus text exposition. */
export function metricValue(text: string, name: string, labels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** The state of every GHL circuit breaker (one per endpoint family) by dependency, e.g. `ghl:contacts:read`. */
/**
 * How many times each GHL endpoint family's breaker opened, from jorge_circuit_transitions_total:
 * counted by the service, so an open period shorter than any polling interval is still seen.
 */
export function ghlCircuitOpenings(metrics: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of metrics.matchAll(
    /^jorge_circuit_transitions_total\{dependency="(ghl:[a-z]+:[a-z]+)",state="open"\} (\d+)$/gm,
  ))
    out[m[1]!] = Number(m[2]);
  return out;
}

export function ghlCircuits(metrics: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of metrics.matchAll(/^jorge_circuit_state\{dependency="(ghl:[a-z]+:[a-z]+)"\} (\d+)$/gm))
    out[m[1]!] = Number(m[2]);
  return out;
}
