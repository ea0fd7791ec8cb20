import { afterEach, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import { startTestService, type TestService } from '../support/service.ts';
import { advance, contact, crmRecords, manualClock, SELLER_MESSAGE, say } from './helpers.ts';

const START = '2026-11-23T18:00:00Z'; // 10:00 in Rancho Cucamonga

describe.each(backends())('day 14 for each kind of lead ($name)', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
  });
  const open = async (env: Record<string, string> = {}) => {
    tdb = await backend.open();
    svc = await startTestService(tdb, env, { clock: manualClock(START), workers: false });
  };
  const outbound = async (id: string) =>
    (await crmRecords(tdb, id, 'message')).filter((r) => r.payload.direction === 'outbound');
  /** Runs the sequence to day 14 and returns what day 14 sent. */
  const day14 = async (id: string) => {
    const before = (await outbound(id)).length;
    await advance(svc.url, 3);
    await advance(svc.url, 4);
    const ran = (await advance(svc.url, 7)).body.ran;
    expect(ran.map((r: { step: string }) => r.step)).toEqual(['day14']);
    const sent = (await outbound(id)).slice(before);
    expect(sent).toHaveLength(3);
    return { ran: ran[0], message: sent[2]!.payload };
  };

  it('a quiet buyer with an email gets the matching homes by email, not a CMA', async () => {
    await open();
    await say(
      svc.url,
      'buyer-1',
      "Hi, we're looking to buy a 3 bedroom house in Etiwanda, budget up to $950k, already pre-approved, hoping to move in about 2 months",
      { tags: ['Buyer-Lead'], contact: { firstName: 'Luis', email: 'luis@example.com' } },
    );
    expect((await contact(svc.url, 'buyer-1')).bot).toBe('buyer');
    const { ran, message } = await day14('buyer-1');
    expect(ran.channel).toBe('Email');
    expect(message.type).toBe('Email');
    expect(message.subject).not.toContain('Comparative Market Analysis');
    expect(message.attachments ?? []).toEqual([]);
    // The homes are listed with their prices, and nothing about a home value estimate.
    expect(message.message).toMatch(/\$\d{3},\d{3}/);
    expect(message.message).toContain('Etiwanda');
  });

  it('a seller without an email address gets the value range by text and an offer to email it', async () => {
    await open();
    await say(svc.url, 'no-mail', SELLER_MESSAGE, { tags: ['Seller-Lead'], contact: { firstName: 'Ana' } });
    const { ran, message } = await day14('no-mail');
    expect(ran.channel).toBe('SMS');
    expect(message.type).toBe('SMS');
    expect(message.message).toMatch(
      /worth about \$[\d.,]+[kM] to \$[\d.,]+[kM]\. Want me to email you the full report\?/,
    );
    expect(message.message.length).toBeLessThanOrEqual(320);
    expect(await crmRecords(tdb, 'no-mail', 'upload')).toHaveLength(0);
  });

  it('a seller who never gave the address is asked for it on day 14 instead of getting a CMA', async () => {
    await open();
    await say(svc.url, 'no-addr', 'Hi, I am thinking about selling my house in the next couple of months', {
      tags: ['Seller-Lead'],
      contact: { firstName: 'Rosa', email: 'rosa@example.com' },
    });
    const { ran, message } = await day14('no-addr');
    expect(ran.channel).toBe('SMS');
    expect(message.message).toContain('What is the property address?');
    expect(await crmRecords(tdb, 'no-addr', 'upload')).toHaveLength(0);
  });

  it('a Spanish-speaking seller hears the whole sequence in Spanish', async () => {
    await open();
    await say(
      svc.url,
      'es-1',
      'Hola, quiero vender mi casa en 6842 Etiwanda Ave, Rancho Cucamonga. Nos mudamos a Texas por trabajo.',
      { tags: ['Seller-Lead'], contact: { firstName: 'Marta' } },
    );
    const before = (await outbound('es-1')).length;
    await advance(svc.url, 3);
    const [day3] = (await outbound('es-1')).slice(before);
    expect(day3!.payload.message).toMatch(/Hola Marta|Hola,/);
    expect(day3!.payload.message).not.toMatch(/\b(?:the|your|home)\b/i);
  });

  it('the CMA link in the sandbox email uses PUBLIC_BASE_URL when the service sits behind a proxy', async () => {
    await open({ PUBLIC_BASE_URL: 'https://bots.example.com/' });
    await say(svc.url, 'proxied', SELLER_MESSAGE, {
      tags: ['Seller-Lead'],
      contact: { firstName: 'Ana', email: 'ana@example.com' },
    });
    const { message } = await day14('proxied');
    expect(message.attachments).toHaveLength(1);
    expect(message.attachments[0]).toMatch(
      /^https:\/\/bots\.example\.com\/api\/v1\/attachments\/att_[\w-]{22}$/,
    );
  });
});
