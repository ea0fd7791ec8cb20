import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitWebhook, inboundMessagePayload } from '../support/fakes/webhook-signer.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { eventually, postJson, startTestService, type TestService } from '../support/service.ts';

const LOCATION = 'loc_textcap_000000001';

// Inbound text used to go to the bot and the database as sent, up to the 1 MB body limit, and an
// email's HTML and quoted history with it.
describe('inbound message text is cut where it enters', () => {
  let tdb: TestDb;
  let svc: TestService;
  let hook: string;
  let n = 0;
  const contact = () => `ct_cap_${String(++n).padStart(13, '0')}`;
  const stored = async (contactId: string) => {
    const { rows } = await tdb.db.query<{ payload: { body: string; truncatedFrom?: number } }>(
      `SELECT payload FROM inbox WHERE contact_id = $1`,
      [contactId],
    );
    return rows[0]!.payload;
  };
  const inboundTranscript = async (contactId: string) => {
    const { rows } = await tdb.db.query<{ body: string }>(
      `SELECT body FROM messages WHERE contact_id = $1 AND direction = 'inbound' ORDER BY id`,
      [contactId],
    );
    return rows.map((r) => r.body);
  };

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { INBOUND_TEXT_MAX_CHARS: '4000' });
    hook = `${svc.url}/webhooks/ghl`;
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('an SMS over the cap is stored and read cut to 4,000 characters; the transcript says it was cut', async () => {
    const contactId = contact();
    const text = `I want to sell my house. ${'The kitchen was redone last year. '.repeat(600)}`;
    expect(text.length).toBeGreaterThan(20_000);
    const res = await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: LOCATION, contactId, body: text }),
    );
    expect(res.body).toMatchObject({ status: 'accepted' });
    const payload = await stored(contactId);
    expect(payload.body.length).toBeLessThanOrEqual(4000);
    expect(payload.body.length).toBeGreaterThan(3900);
    expect(text.startsWith(payload.body)).toBe(true);
    expect(payload.truncatedFrom).toBe(text.length);
    await eventually(async () => (await inboundTranscript(contactId)).length === 1, 10_000, 'the turn');
    const [line] = await inboundTranscript(contactId);
    expect(line!.startsWith(payload.body)).toBe(true);
    expect(line).toMatch(/\[truncated: [\d,]+ characters received, the first [\d,]+ kept\]$/);
  });

  it('an SMS within the cap is kept whole, with no mark', async () => {
    const contactId = contact();
    const text = 'x'.repeat(3990);
    await emitWebhook(hook, inboundMessagePayload({ locationId: LOCATION, contactId, body: text }));
    const payload = await stored(contactId);
    expect(payload.body).toBe(text);
    expect(payload.truncatedFrom).toBeUndefined();
  });

  it('an HTML email reply keeps only the new text: no markup, no quoted original', async () => {
    const contactId = contact();
    const html =
      '<div dir="ltr">Is the house on Elm St still available?&nbsp;We can see it Saturday.</div><br>' +
      '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Sep 1, 2026 at 10:00 AM Jorge ' +
      '&lt;jorge@example.com&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0">' +
      `<p>Thanks for reaching out about the listings.</p>${'<p>Older text of the thread.</p>'.repeat(500)}` +
      '</blockquote></div>';
    const res = await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: LOCATION, contactId, body: html, messageType: 'Email' }),
    );
    expect(res.body).toMatchObject({ status: 'accepted' });
    const payload = await stored(contactId);
    expect(payload.body).toBe('Is the house on Elm St still available? We can see it Saturday.');
    expect(payload.truncatedFrom).toBeUndefined();
  });

  it('an Outlook-style reply is cut at the quoted header; a long new text is capped after stripping', async () => {
    const outlook = contact();
    const html =
      '<html><head><style>p{margin:0}</style></head><body><p>Yes, please call me tomorrow.</p>' +
      '<div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>From:</b> Jorge &lt;jorge@example.com&gt;<br>' +
      '<b>Sent:</b> Monday, September 1, 2026 10:00 AM<br><b>To:</b> Lead<br><b>Subject:</b> Your home</div>' +
      `<div>${'Earlier message text. '.repeat(400)}</div></body></html>`;
    await emitWebhook(
      hook,
      inboundMessagePayload({ locationId: LOCATION, contactId: outlook, body: html, messageType: 'Email' }),
    );
    expect((await stored(outlook)).body).toBe('Yes, please call me tomorrow.');

    const spanish = contact();
    await emitWebhook(
      hook,
      inboundMessagePayload({
        locationId: LOCATION,
        contactId: spanish,
        body: 'Sí, me interesa vender.\n\nEl lun, 1 sept 2026 a las 10:00, Jorge <jorge@example.com>\nescribió:\n> Hola, ¿sigue interesado?',
        messageType: 'Email',
      }),
    );
    expect((await stored(spanish)).body).toBe('Sí, me interesa vender.');

    const long = contact();
    const newText = 'We are thinking about selling. '.repeat(200);
    await emitWebhook(
      hook,
      inboundMessagePayload({
        locationId: LOCATION,
        contactId: long,
        body: `<div>${newText}</div><blockquote>${'quoted '.repeat(5000)}</blockquote>`,
        messageType: 'Email',
      }),
    );
    const payload = await stored(long);
    expect(payload.body.length).toBeLessThanOrEqual(4000);
    expect(payload.body).not.toContain('quoted');
    expect(payload.truncatedFrom).toBe(newText.trim().length);
  });

  it('the sandbox cuts an over-long message the same way and still answers', async () => {
    const contactId = contact();
    const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, {
      contactId,
      message: `Hi, I am looking to buy. ${'More details about what we need. '.repeat(400)}`,
    });
    expect(res.status).toBe(200);
    expect(res.body.replies.length).toBeGreaterThan(0);
    const contactView = await fetch(`${svc.url}/api/v1/contacts/${contactId}`).then((r) => r.json());
    const inbound = (contactView as { transcript: { direction: string; body: string }[] }).transcript.find(
      (m) => m.direction === 'inbound',
    );
    expect(inbound!.body).toMatch(/\[truncated: [\d,]+ characters received, the first [\d,]+ kept\]$/);
  });
});
