import { createPrivateKey, sign, verify } from 'node:crypto';
import { normalizeMarketplaceEvent, envelopeOf } from '../../src/adapters/ghl-webhooks/normalize.ts';
import { checkGhlSignature, loadWebhookKeys } from '../../src/adapters/ghl-webhooks/verify.ts';
import { createPostgresDb } from '../../src/adapters/postgres/db.ts';
import { createInboxWriter } from '../../src/adapters/postgres/inbox-repo.ts';
import { migrate } from '../../src/adapters/postgres/migrate.ts';
import type { InboxEvent } from '../../src/ports/inbox-event.ts';
import { inboundMessagePayload } from '../../test/support/fakes/webhook-signer.ts';
import type { WebhookKeys } from '../../test/support/fakes/test-keys.ts';
import { openBenchSchema } from './bench-db.ts';

export interface PieceResult {
  piece: string;
  /** Event-loop time per operation, µs. */
  usPerOp: number;
  note?: string;
}

function timeEach(n: number, fn: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(n, 2000); i++) fn(i);
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  return ((performance.now() - t) * 1000) / n;
}

/**
 * Costs of the steps of one webhook, one at a time in this process: what each takes from the
 * service's event loop. The inbox insert runs against PostgreSQL in a throwaway schema.
 */
export async function measureIngestPieces(
  keys: WebhookKeys,
  databaseUrl: string,
  n = 20_000,
): Promise<PieceResult[]> {
  const raws = Array.from({ length: n }, (_, i) =>
    Buffer.from(
      JSON.stringify(
        inboundMessagePayload({
          locationId: 'loc',
          contactId: `c${i % 1000}`,
          body: 'Is the house on Baseline still available?',
        }),
      ),
    ),
  );
  const priv = createPrivateKey(keys.ed25519.privateKeyPem);
  const sigs = raws.map((r) => sign(null, r, priv).toString('base64'));
  const pub = loadWebhookKeys(keys.ed25519.publicKeyPem, keys.rsa.publicKeyPem);
  const bodies = raws.map((r) => JSON.parse(r.toString('utf8')) as Record<string, unknown>);
  const out: PieceResult[] = [];

  out.push({
    piece: 'Ed25519 verify (checkGhlSignature, on the event loop)',
    usPerOp: timeEach(n, (i) => checkGhlSignature(raws[i]!, { 'x-ghl-signature': sigs[i]! }, pub)),
  });

  // The same verification with node:crypto's callback form, which runs on libuv's thread pool.
  const elu0 = performance.eventLoopUtilization();
  const wall0 = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      await new Promise<boolean>((res) =>
        verify(null, raws[i]!, pub.ed25519, Buffer.from(sigs[i]!, 'base64'), (e, ok) => res(!e && ok)),
      );
    }
  };
  await Promise.all(Array.from({ length: 100 }, lane));
  const elu = performance.eventLoopUtilization(elu0);
  out.push({
    piece: 'Ed25519 verify with a callback (thread pool), 100 in flight',
    usPerOp: (elu.active * 1000) / n,
    note: `wall ${(((performance.now() - wall0) * 1000) / n).toFixed(0)} µs/op across the pool`,
  });

  out.push({
    piece: 'JSON.parse of the raw body',
    usPerOp: timeEach(n, (i) => JSON.parse(raws[i]!.toString('utf8'))),
  });
  out.push({
    piece: 'envelopeOf (type, locationId, webhookId, timestamp)',
    usPerOp: timeEach(n, (i) => envelopeOf(bodies[i])),
  });
  out.push({
    piece: 'normalizeMarketplaceEvent (InboundMessage)',
    usPerOp: timeEach(n, (i) => normalizeMarketplaceEvent(bodies[i]!)),
  });

  const schema = await openBenchSchema(databaseUrl);
  const db = createPostgresDb(schema.url, { max: 10 });
  try {
    await migrate(db);
    const writer = createInboxWriter(db);
    const events: InboxEvent[] = bodies.map((b) => {
      const r = normalizeMarketplaceEvent(b);
      if (!r.ok || !('event' in r)) throw new Error('bench payload did not normalise');
      return r.event;
    });
    const elu1 = performance.eventLoopUtilization();
    const t = performance.now();
    let k = 0;
    const writerLane = async () => {
      while (k < events.length) await writer.write(events[k++]!);
    };
    await Promise.all(Array.from({ length: 100 }, writerLane));
    const ms = performance.now() - t;
    const eluW = performance.eventLoopUtilization(elu1);
    out.push({
      piece: 'group-commit inbox insert (createInboxWriter), 100 writes in flight',
      usPerOp: (eluW.active * 1000) / events.length,
      note: `${Math.round((events.length * 1000) / ms)} rows/s on PostgreSQL, ${((ms * 1000) / events.length).toFixed(0)} µs wall per row`,
    });
  } finally {
    await db.close();
    await schema.drop();
  }
  return out;
}
