import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { backends, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';

const LOCATION = 'loc_badchars_00000001';

// PostgreSQL refuses U+0000 in text and jsonb, and a lone UTF-16 surrogate in jsonb. Such a
// character in one webhook used to fail the shared multi-row INSERT, so every webhook in the same
// group commit got 429 and the bad event was never stored.
describe.each(backends())('webhooks with characters PostgreSQL refuses, on $name', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it('accepts 100 concurrent valid webhooks beside bad ones; stores the bad ones cleaned or refuses them with 400', async () => {
    tdb = await backend.open();
    // No workers: this is about what ingest stores and answers.
    svc = await startTestService(tdb, {}, { workers: false });
    const hook = `${svc.url}/webhooks/ghl`;
    const msg = (i: number, body: string, extra: Record<string, unknown> = {}) => ({
      ...inboundMessagePayload({
        locationId: LOCATION,
        contactId: `ct_bad_${String(i).padStart(12, '0')}`,
        body,
      }),
      ...extra,
    });
    const valid = Array.from({ length: 100 }, (_, i) => msg(i, `valid message number ${i}`));
    const withNul = msg(1000, 'call me\u0000 at noon');
    const withLoneSurrogate = msg(1001, 'price \ud800 ok?');
    const withNulInName = { ...msg(1002, 'hello'), contactId: 'ct_bad_\u0000_nul' };
    // A messageId far over the index's row limit: no cleaning makes this row storable.
    const unstorable = msg(1003, 'too long an id', { messageId: randomBytes(4000).toString('hex') });
    const bad = [withNul, withLoneSurrogate, withNulInName, unstorable];
    // Bad ones spread among the valid ones so they share group commits with them.
    const all = [...valid];
    bad.forEach((b, k) => {
      all.splice(10 + k * 25, 0, b);
    });
    const results = await Promise.all(all.map((p) => emitWebhook(hook, p, { retryOn429: false })));
    const resultOf = (p: object) => results[all.indexOf(p as (typeof all)[number])]!;

    const validStatuses = valid.map((p) => resultOf(p).status);
    expect(validStatuses.filter((s) => s !== 200)).toEqual([]);
    for (const p of valid) expect(resultOf(p).body).toMatchObject({ status: 'accepted' });

    expect(resultOf(withNul)).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(resultOf(withLoneSurrogate)).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(resultOf(withNulInName)).toMatchObject({ status: 200, body: { status: 'accepted' } });
    expect(resultOf(unstorable).status).toBe(400);
    expect(resultOf(unstorable).body).toMatchObject({ error: { code: 'invalid_request' } });

    const { rows } = await tdb.db.query<{ contact_id: string; payload: { body: string } }>(
      `SELECT contact_id, payload FROM inbox ORDER BY id`,
    );
    expect(rows).toHaveLength(103);
    const stored = new Map(rows.map((r) => [r.contact_id, r.payload.body]));
    for (const [i] of valid.entries())
      expect(stored.get(`ct_bad_${String(i).padStart(12, '0')}`)).toBe(`valid message number ${i}`);
    expect(stored.get(withNul.contactId)).toBe('call me at noon');
    expect(stored.get(withLoneSurrogate.contactId)).toBe('price \ufffd ok?');
    expect(stored.get('ct_bad__nul')).toBe('hello');
  }, 60_000);
});
