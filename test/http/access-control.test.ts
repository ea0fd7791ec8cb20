import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentKey, createSandboxCrm } from '../../src/adapters/sandbox-crm/sandbox-crm.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

const TOKEN = 'access-control-token-0123456789abcdef';
const PHONE = '+19095550142';
const EMAIL = 'marisol.private@example.com';

/**
 * Sends a request exactly as written (request target included) over a raw socket: fetch and
 * app.inject both normalise targets, and the bypasses live in the targets they would rewrite.
 */
function rawRequest(port: number, head: string, body = ''): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => {
      data += d;
    });
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, text: data });
    });
    socket.on('error', reject);
    const length = body
      ? `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
      : '';
    socket.write(`${head}\r\nHost: 127.0.0.1\r\nConnection: close\r\n${length}\r\n${body}`);
  });
}

describe('access to the API is decided per route, whatever the request target looks like', () => {
  let tdb: TestDb;
  let svc: TestService;
  let port: number;
  let escalationId: string;
  const contactId = 'acl-lead-1';

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { JORGE_API_TOKEN: TOKEN });
    port = Number(new URL(svc.url).port);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const first = await postJson(
      `${svc.url}/api/v1/sandbox/messages`,
      {
        contactId,
        message: 'hi, thinking of selling my house',
        contact: { firstName: 'Marisol', phone: PHONE, email: EMAIL },
      },
      auth,
    );
    expect(first.status).toBe(200);
    // A request for a human opens an escalation, which pauses the bot until someone resolves it.
    const second = await postJson(
      `${svc.url}/api/v1/sandbox/messages`,
      { contactId, message: 'I want to talk to a real person right now' },
      auth,
    );
    expect(second.status).toBe(200);
    const list = await fetch(`${svc.url}/api/v1/escalations`, { headers: auth });
    const body = (await list.json()) as { escalations: { id: string; contactId: string }[] };
    const mine = body.escalations.find((e) => e.contactId === contactId);
    expect(mine, 'the request for a person opened an escalation').toBeDefined();
    escalationId = mine!.id;
  });
  afterAll(async () => {
    await svc.stop();
    await tdb.close();
  });

  const leaks = (text: string) => text.includes(PHONE) || text.includes(EMAIL) || text.includes('Marisol');

  it.each([
    ['plain path', `GET /api/v1/contacts/${contactId} HTTP/1.1`],
    ['percent-encoded letter', `GET /%61pi/v1/contacts/${contactId} HTTP/1.1`],
    ['percent-encoded segment', `GET /%61%70%69/v1/contacts/${contactId} HTTP/1.1`],
    ['absolute-form target', `GET http://127.0.0.1/api/v1/contacts/${contactId} HTTP/1.1`],
    ['absolute-form, encoded', `GET http://x/%61pi/v1/contacts/${contactId} HTTP/1.1`],
    ['doubled slash', `GET //api/v1/contacts/${contactId} HTTP/1.1`],
    ['doubled inner slash', `GET /api//v1/contacts/${contactId} HTTP/1.1`],
    ['mixed case', `GET /API/v1/contacts/${contactId} HTTP/1.1`],
    ['trailing slash', `GET /api/v1/contacts/${contactId}/ HTTP/1.1`],
    ['dot segment', `GET /x/../api/v1/contacts/${contactId} HTTP/1.1`],
    ['asterisk-form (dashboard)', 'GET * HTTP/1.1'],
    ['dashboard', 'GET / HTTP/1.1'],
    ['dashboard with query', 'GET /?x=1 HTTP/1.1'],
    ['escalation list, encoded', 'GET /%61pi/v1/escalations HTTP/1.1'],
    ['unknown route', 'GET /api/v1/nothing-here HTTP/1.1'],
  ])('without the token, %s gets no lead data', async (_name, head) => {
    const res = await rawRequest(port, head);
    // A dashboard page sends the browser to the sign-in form (303) instead of a 401.
    const toSignIn = res.status === 303 && /\r\nlocation: \/sign-in/i.test(res.text);
    expect(
      res.status === 401 || res.status === 400 || res.status === 404 || toSignIn,
      `status ${res.status}`,
    ).toBe(true);
    expect(leaks(res.text)).toBe(false);
  });

  it.each([
    ['percent-encoded', (id: string) => `POST /%61pi/v1/escalations/${id}/resolve HTTP/1.1`],
    ['absolute-form', (id: string) => `POST http://x/api/v1/escalations/${id}/resolve HTTP/1.1`],
    ['mixed case', (id: string) => `POST /Api/v1/escalations/${id}/resolve HTTP/1.1`],
  ])('without the token, a %s resolve does not resolve the escalation', async (_name, head) => {
    const res = await rawRequest(port, head(escalationId), '{}');
    expect(res.status).not.toBe(200);
    const list = await fetch(`${svc.url}/api/v1/escalations`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const body = (await list.json()) as { escalations: { id: string; status: string }[] };
    expect(body.escalations.find((e) => e.id === escalationId)?.status).toBe('open');
  });

  it('a wrong or differently-cased token is refused; the right one reads the contact by any spelling of the path', async () => {
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `bearer ${TOKEN}`,
      TOKEN,
      `Bearer ${TOKEN.slice(0, -1)}`,
    ]) {
      const res = await rawRequest(
        port,
        `GET /api/v1/contacts/${contactId} HTTP/1.1\r\nAuthorization: ${authorization}`,
      );
      expect(res.status).toBe(401);
      expect(leaks(res.text)).toBe(false);
    }
    const ok = await rawRequest(
      port,
      `GET /%61pi/v1/contacts/${contactId} HTTP/1.1\r\nAuthorization: Bearer ${TOKEN}`,
    );
    expect(ok.status).toBe(200);
  });

  it('operations endpoints stay open and reveal no paths; the webhook keeps its own check', async () => {
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${svc.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${svc.url}/openapi.json`)).status).toBe(200);
    const ready = await fetch(`${svc.url}/readyz`);
    expect(ready.status).toBe(200);
    const text = await ready.text();
    expect(text).toContain('pglite');
    expect(text).not.toMatch(/[()/\\]/);
    const hook = await postJson(`${svc.url}/webhooks/ghl`, { type: 'InboundMessage' });
    expect(hook.status).toBe(401);
    expect(JSON.stringify(hook.body)).toContain('unsigned webhook');
  });

  it('attachments have unguessable names: the link works, sequential and random ids find nothing', async () => {
    const crm = createSandboxCrm(tdb.db, { timezone: 'America/Los_Angeles', publicBaseUrl: svc.url });
    const pdf = new TextEncoder().encode('%PDF-1.4 report for 123 Main St');
    const links = [];
    for (let i = 0; i < 3; i++) {
      links.push(
        (
          await crm.uploadAttachment('sandbox', {
            contactId,
            filename: 'cma-123-main-st.pdf',
            contentType: 'application/pdf',
            data: pdf,
          })
        ).url,
      );
    }
    const auth = { authorization: `Bearer ${TOKEN}` };
    const names = links.map((u) => u.split('/').pop() ?? '');
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(/^att_[\w-]{22}$/);
    const got = await fetch(links[0]!, { headers: auth });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).toString()).toContain('123 Main St');
    expect((await fetch(links[0]!)).status).toBe(401);
    for (const id of ['1', '2', '3', '10', attachmentKey(), '00000000-0000-4000-8000-000000000000']) {
      const res = await fetch(`${svc.url}/api/v1/attachments/${id}`, { headers: auth });
      expect(res.status, id).toBe(404);
    }
  });
});
