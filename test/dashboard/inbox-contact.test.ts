import { get, type IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, type TestDb } from '../support/db.ts';
import {
  daytimeClock,
  eventually,
  postJson,
  startTestService,
  type TestService,
} from '../support/service.ts';
import { openPage, postForm, signIn } from './support.ts';

const TOKEN = 'dashboard-inbox-token-0123456789ab';
const auth = { authorization: `Bearer ${TOKEN}` };
const PHONE = '+19095550142';

describe.each(backends())('Inbox and Contact pages on $name', (backend) => {
  let tdb: TestDb;
  let svc: TestService;
  let app: FastifyInstance;
  let cookie: string;
  const say = async (contactId: string, message: string, contact?: Record<string, unknown>) => {
    const res = await postJson(
      `${svc.url}/api/v1/sandbox/messages`,
      { contactId, message, ...(contact ? { contact } : {}) },
      auth,
    );
    expect(res.status).toBe(200);
    return res.body as { replies: { body: string }[] };
  };
  const contactUrl = (id: string) => `/contacts/sandbox/${id}`;
  const crmMessages = async (id: string) =>
    (
      await tdb.db.query<{ payload: { message?: string } }>(
        `SELECT payload FROM sandbox_crm_records WHERE contact_id = $1 AND kind = 'message' ORDER BY id`,
        [id],
      )
    ).rows.map((r) => r.payload.message);

  beforeAll(async () => {
    tdb = await backend.open();
    // The agent's message and the CMA email go out at once only outside the lead's quiet hours.
    svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN }, { clock: daytimeClock() });
    app = svc.service.app;
    await say('marisol', 'hi, thinking of selling my house', {
      firstName: 'Marisol',
      lastName: 'Vega',
      phone: PHONE,
    });
    await say('dev', 'I want to buy a 3 bedroom home around 600k', {
      firstName: 'Devon',
      phone: '+19095550177',
    });
    await say('esc', 'hi there', { firstName: 'Ezra', phone: '+19095550199' });
    await say('esc', 'I want to talk to a real person right now');
    cookie = await signIn(app, TOKEN);
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  it('lists conversations newest first with masked phones, bots, flags and links', async () => {
    const { res } = await openPage(app, cookie, '/inbox');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html.indexOf('Ezra')).toBeLessThan(html.indexOf('Devon'));
    expect(html.indexOf('Devon')).toBeLessThan(html.indexOf('Marisol Vega'));
    expect(html).not.toContain(PHONE);
    expect(html).toContain('••• 0142');
    expect(html).toContain('href="/contacts/sandbox/marisol"');
    expect(html).toMatch(/Escalated/);
    expect(html).toContain('<label for="f-q">Search</label>');
    expect(html).toContain('data-live="/inbox/events"');
  });

  it('filters by search, bot and flag; a bad filter is a 400 naming it', async () => {
    const byName = await app.inject({ url: '/inbox/rows?q=vega', headers: { cookie } });
    expect(byName.body).toContain('Marisol');
    expect(byName.body).not.toContain('Devon');
    const byPhone = await app.inject({ url: '/inbox/rows?q=555-0177', headers: { cookie } });
    expect(byPhone.body).toContain('Devon');
    expect(byPhone.body).not.toContain('Marisol');
    const escalated = await app.inject({
      url: '/inbox?flag=escalated',
      headers: { cookie, 'hx-request': 'true' },
    });
    expect(escalated.body).toContain('Ezra');
    expect(escalated.body).not.toContain('Devon');
    expect(escalated.body).not.toContain('<html');
    const bad = await app.inject({ url: '/inbox?bot=robot', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(bad.body).toContain('bot must be one of: lead, buyer, seller');
  });

  it('shows the transcript as bubbles, with why each bot reply was sent', async () => {
    const { res } = await openPage(app, cookie, contactUrl('esc'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="bubble in"');
    expect(res.body).toContain('class="bubble out"');
    expect(res.body).toContain('I want to talk to a real person right now');
    expect(res.body).toContain('Why this reply');
    expect(res.body).toContain('human requested');
    expect(res.body).toContain('Escalation');
    expect(res.body).toContain(PHONE.replace('0142', '0199'));
    const missing = await app.inject({ url: contactUrl('nobody'), headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('pauses and resumes the bot: a paused contact gets no reply', async () => {
    const { csrf } = await openPage(app, cookie, contactUrl('dev'));
    const paused = await postForm(app, `${contactUrl('dev')}/pause`, {}, { cookie, csrf });
    expect(paused.statusCode).toBe(303);
    expect(paused.headers.location).toBe('/contacts/sandbox/dev?done=paused');
    expect((await openPage(app, cookie, paused.headers.location as string)).res.body).toContain(
      'The bot is paused',
    );
    expect((await say('dev', 'are you there?')).replies).toEqual([]);
    const resumed = await postForm(app, `${contactUrl('dev')}/resume`, {}, { cookie, csrf });
    expect(resumed.statusCode).toBe(303);
    expect((await say('dev', 'what about a pool?')).replies.length).toBeGreaterThan(0);
  });

  it('takes over and sends as the agent through the CRM; the bot is silent until released', async () => {
    const { csrf, res } = await openPage(app, cookie, contactUrl('marisol'));
    const nonce = /name="nonce" value="([^"]+)"/.exec(res.body)?.[1] as string;
    const fields = { message: 'Hi Marisol, Jorge here. Can I call you at 5?', channel: 'SMS', nonce };
    const sent = await postForm(app, `${contactUrl('marisol')}/send`, fields, { cookie, csrf });
    expect(sent.statusCode).toBe(303);
    // The same form sent twice queues one message.
    await postForm(app, `${contactUrl('marisol')}/send`, fields, { cookie, csrf });
    // The background drainer may hold the row when this drain looks; wait until the CRM has it.
    await eventually(
      async () => {
        await svc.service.drainer.drainContact('sandbox', 'marisol');
        return (await crmMessages('marisol')).includes(fields.message);
      },
      20_000,
      "the agent's message at the CRM",
    );
    expect((await crmMessages('marisol')).filter((m) => m === fields.message)).toHaveLength(1);
    const page = (await openPage(app, cookie, contactUrl('marisol'))).res.body;
    expect(page).toContain('class="bubble out agent"');
    expect(page).toContain('Human takeover');
    expect(page).toContain('Release to the bot');
    expect((await say('marisol', 'sure, 5 works')).replies).toEqual([]);
    const released = await postForm(app, `${contactUrl('marisol')}/release`, {}, { cookie, csrf });
    expect(released.statusCode).toBe(303);
    expect((await say('marisol', 'it is a 4 bedroom on Main St')).replies.length).toBeGreaterThan(0);
  });

  it('resolves an escalation with a note, which lets the bot answer again', async () => {
    const { res, csrf } = await openPage(app, cookie, contactUrl('esc'));
    const action = /action="(\/contacts\/sandbox\/esc\/escalations\/[^"]+\/resolve)"/.exec(
      res.body,
    )?.[1] as string;
    expect(action).toBeDefined();
    const done = await postForm(app, action, { note: 'Called her back' }, { cookie, csrf });
    expect(done.statusCode).toBe(303);
    const after = (await openPage(app, cookie, contactUrl('esc'))).res.body;
    expect(after).toContain('Note: Called her back');
    expect(after).not.toContain(action);
    const again = await postForm(app, action, { note: 'twice' }, { cookie, csrf });
    expect(again.statusCode).toBe(409);
  });

  it('marks a contact opted out only when confirmed', async () => {
    const { csrf } = await openPage(app, cookie, contactUrl('dev'));
    const unconfirmed = await postForm(app, `${contactUrl('dev')}/opt-out`, {}, { cookie, csrf });
    expect(unconfirmed.statusCode).toBe(400);
    const ok = await postForm(app, `${contactUrl('dev')}/opt-out`, { confirm: 'yes' }, { cookie, csrf });
    expect(ok.statusCode).toBe(303);
    const rows = await app.inject({ url: '/inbox/rows?flag=opted_out', headers: { cookie } });
    expect(rows.body).toContain('Devon');
    const page = (await openPage(app, cookie, contactUrl('dev'))).res.body;
    expect(page).toContain('TCPA-Opt-Out');
    expect(page).not.toContain('Send as the agent');
  });

  it('announces new messages on the live stream without a reload', async () => {
    // node:http rather than fetch: the stream is closed for certain when the test ends.
    const req = get(`${svc.url}/inbox/events`, { headers: { cookie } });
    const res = await new Promise<IncomingMessage>((resolve) => req.on('response', resolve));
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    let seen = '';
    const waiters: (() => void)[] = [];
    res.setEncoding('utf8');
    res.on('data', (d: string) => {
      seen += d;
      for (const w of waiters.splice(0)) w();
    });
    const readUntil = async (text: string) => {
      while (!seen.includes(text)) await new Promise<void>((r) => waiters.push(r));
    };
    try {
      await readUntil('retry:');
      // The first probe only sets the baseline; wait for it before the change.
      await new Promise((r) => setTimeout(r, 1500));
      await say('newlead', 'hello, is the house on Elm still for sale?', { firstName: 'Nora' });
      await readUntil('event: change');
    } finally {
      req.destroy();
    }
    const rows = await app.inject({ url: '/inbox/rows', headers: { cookie } });
    expect(rows.body.indexOf('Nora')).toBeLessThan(rows.body.indexOf('Ezra'));
  });

  it('re-runs the CMA: the day-14 step is queued again and runs now', async () => {
    await say('cma', 'I want to sell my house at 123 Main St, Rancho Cucamonga CA 91730', {
      firstName: 'Cam',
      email: 'cam@example.com',
    });
    const { csrf } = await openPage(app, cookie, contactUrl('cma'));
    const res = await postForm(app, `${contactUrl('cma')}/cma`, {}, { cookie, csrf });
    expect(res.statusCode).toBe(303);
    const { rows } = await tdb.db.query<{ status: string }>(
      `SELECT status FROM follow_ups WHERE contact_id = 'cma' AND step = 'day14' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]?.status).toBeDefined();
    const page = (await openPage(app, cookie, res.headers.location as string)).res.body;
    expect(page).toContain('A fresh CMA is queued');
    expect(page).toMatch(/<td>day14[^<]*<\/td><td>(sent|pending|skipped)/);
    const doc = /href="(\/contacts\/sandbox\/cma\/documents\/[^"]+)"/.exec(page)?.[1];
    expect(doc, 'the contact page links the CMA PDF').toBeDefined();
    const pdf = await app.inject({ url: doc as string, headers: { cookie } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const none = await app.inject({ url: `${contactUrl('cma')}/documents/nope`, headers: { cookie } });
    expect(none.statusCode).toBe(404);
    const live = await app.inject({
      url: `${contactUrl('cma')}/transcript`,
      headers: { cookie, 'hx-request': 'true' },
    });
    expect(live.body).toContain('class="chat"');
    expect(live.body).not.toContain('<html');
  });

  it('refuses every control without a session or without the CSRF token, and changes nothing', async () => {
    const { csrf } = await openPage(app, cookie, contactUrl('esc'));
    for (const path of ['pause', 'takeover', 'send', 'cma', 'opt-out']) {
      const url = `${contactUrl('esc')}/${path}`;
      const fields = { message: 'forged', nonce: 'abcdefgh-1234', confirm: 'yes' };
      expect((await postForm(app, url, fields, { csrf })).statusCode).toBe(401);
      expect((await postForm(app, url, fields, { cookie })).statusCode).toBe(403);
      expect((await postForm(app, url, fields, { cookie, csrf: `${csrf}x` })).statusCode).toBe(403);
    }
    const page = (await openPage(app, cookie, contactUrl('esc'))).res.body;
    expect(page).not.toContain('forged');
    expect(page).not.toMatch(/class="flag[^"]*">(Paused|Opted out|Human takeover)</);
  });
});
