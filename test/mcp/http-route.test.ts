import { Writable } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createMcpDeps } from '../../src/mcp/deps.ts';
import { postgresStores } from '../../src/adapters/postgres/stores.ts';
import { mcpHttpRoute } from '../../src/mcp/http-route.ts';
import type { McpDeps } from '../../src/mcp/tools.ts';
import { createLogger } from '../../src/observability/logger.ts';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { HOT, seedLeads, WARM } from './seed.ts';

const TOKEN = 'mcp-test-token-0123456789';

type ToolResult = {
  content: { type: string; text?: string; resource?: Record<string, string> }[];
  isError?: boolean;
};

// biome-ignore lint/suspicious/noExplicitAny: test reads JSON answers field by field
type Json = Record<string, any>;

const json = (r: ToolResult) => JSON.parse(r.content[0]!.text!) as Json;

async function startApp(token: string | undefined, mcp: McpDeps, logs: string[]) {
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _enc, cb) {
        logs.push(String(chunk));
        cb();
      },
    }),
  });
  const app: FastifyInstance = Fastify();
  await mcpHttpRoute(app, { token, mcp, logger });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: `${url}/mcp` };
}

describe('MCP over Streamable HTTP at /mcp', () => {
  let tdb: TestDb;
  let app: FastifyInstance;
  let url: string;
  let client: Client;
  const logs: string[] = [];
  const call = async (name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as ToolResult;

  beforeAll(async () => {
    tdb = await pgliteBackend.open();
    await seedLeads(tdb.db);
    const config = loadConfig({ PUBLIC_BASE_URL: 'https://bots.example.com' });
    ({ app, url } = await startApp(
      TOKEN,
      createMcpDeps({ db: tdb.db, stores: postgresStores, config }),
      logs,
    ));
    client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
      }),
    );
  });
  afterAll(async () => {
    await client?.close();
    await app?.close();
    await tdb?.close();
  });

  it('lists the five lead tools with their input schemas', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'generate_cma',
      'get_contact',
      'get_conversation',
      'list_escalations',
      'list_hot_leads',
    ]);
    const getContact = tools.find((t) => t.name === 'get_contact')!;
    expect(getContact.inputSchema.required).toEqual(['contactId']);
    expect(getContact.description).toMatch(/temperature/);
  });

  it('list_hot_leads returns the hot lead with contact details, not the warm one', async () => {
    const out = json(await call('list_hot_leads', {}));
    expect(out.count).toBe(1);
    expect(out.leads[0]).toMatchObject({
      contactId: HOT.contactId,
      locationId: HOT.locationId,
      firstName: HOT.firstName,
      email: HOT.email,
      phone: HOT.phone,
      bot: 'seller',
      leadScore: 86,
      botPaused: true,
      facts: { address: HOT.address },
    });
    expect(JSON.stringify(out)).not.toContain(WARM.contactId);
    expect(json(await call('list_hot_leads', { bot: 'buyer' })).count).toBe(0);
  });

  it('get_contact shows the lead, its temperature and open escalation', async () => {
    const out = json(await call('get_contact', { contactId: HOT.contactId }));
    expect(out).toMatchObject({
      contactId: HOT.contactId,
      firstName: HOT.firstName,
      email: HOT.email,
      phone: HOT.phone,
      bot: 'seller',
      temperature: 'hot',
      botPaused: true,
      messages: 3,
    });
    expect(out.escalations).toHaveLength(1);
    expect(out.escalations[0]).toMatchObject({ status: 'open', reason: 'human_request' });
  });

  it('get_conversation returns the transcript in order', async () => {
    const out = json(await call('get_conversation', { contactId: HOT.contactId }));
    expect(out.total).toBe(3);
    expect(out.messages.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
      ['inbound', `Hi, I want to sell my house at ${HOT.address}`],
      ['outbound', 'Happy to help! What has you thinking about selling?'],
      ['inbound', 'Relocating for work, we need to move in 30 days'],
    ]);
    const latest = json(await call('get_conversation', { contactId: HOT.contactId, limit: 1 }));
    expect(latest.messages.map((m: { body: string }) => m.body)).toEqual([
      'Relocating for work, we need to move in 30 days',
    ]);
  });

  it('generate_cma values the seller’s home from the conversation and stores the PDF', async () => {
    const result = await call('generate_cma', { contactId: HOT.contactId, attachPdf: true });
    expect(result.isError).toBeFalsy();
    const out = json(result);
    expect(out.subject.address).toBe(HOT.address);
    expect(out.range.low).toBeLessThan(out.range.likely);
    expect(out.range.likely).toBeLessThan(out.range.high);
    expect(out.comps.length).toBeGreaterThan(0);
    expect(out.sellerPrice).toMatchObject({ sellerPrice: 650_000 });
    expect(out.pdf.url).toBe(`https://bots.example.com/api/v1/attachments/${out.pdf.documentId}`);
    const { rows } = await tdb.db.query<{ content_type: string; bytes: Uint8Array }>(
      `SELECT content_type, bytes FROM documents WHERE id = $1`,
      [out.pdf.documentId],
    );
    expect(rows[0]!.content_type).toBe('application/pdf');
    expect(Buffer.from(rows[0]!.bytes).subarray(0, 5).toString()).toBe('%PDF-');
    const resource = result.content.find((c) => c.type === 'resource')!.resource!;
    expect(resource.mimeType).toBe('application/pdf');
    expect(Buffer.from(resource.blob!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    const byAddress = json(
      await call('generate_cma', { address: '12500 Banyan St, Rancho Cucamonga', beds: 3, sqft: 1650 }),
    );
    expect(byAddress.subject).toMatchObject({ beds: 3, sqft: 1650 });
    expect(byAddress.pdf.documentId).not.toBe(out.pdf.documentId);
  });

  it('list_escalations shows the open escalation', async () => {
    const out = json(await call('list_escalations', { status: 'open' }));
    expect(out.count).toBe(1);
    expect(out.escalations[0]).toMatchObject({ contactId: HOT.contactId, kind: 'human_review' });
    expect(json(await call('list_escalations', { status: 'resolved' })).count).toBe(0);
  });

  it('answers bad arguments and unknown contacts with a tool error, and keeps serving', async () => {
    const missing = await call('get_contact', {});
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toMatch(/contactId/);
    const tooMany = await call('list_hot_leads', { limit: 0 });
    expect(tooMany.isError).toBe(true);
    expect(tooMany.content[0]!.text).toMatch(/limit/);
    const unknown = await call('get_conversation', { contactId: 'nobody' });
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0]!.text).toMatch(/No contact with id "nobody"/);
    const noAddress = await call('generate_cma', {});
    expect(noAddress.isError).toBe(true);
    expect(noAddress.content[0]!.text).toMatch(/address/);
    expect((await call('get_contact', { contactId: HOT.contactId })).isError).toBeFalsy();
  });

  it('refuses requests without the right bearer token', async () => {
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    };
    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify(initialize),
      });
    const none = await post({});
    expect(none.status).toBe(401);
    expect(((await none.json()) as Json).error.code).toBe('unauthorized');
    expect((await post({ authorization: 'Bearer wrong-token-0123456789' })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${TOKEN}` })).status).toBe(200);

    const intruder = new Client({ name: 'intruder', version: '1.0.0' });
    await expect(
      intruder.connect(
        new StreamableHTTPClientTransport(new URL(url), {
          requestInit: { headers: { Authorization: 'Bearer not-the-token' } },
        }),
      ),
    ).rejects.toMatchObject({ code: 401 });

    const get = await fetch(url, {
      headers: { authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' },
    });
    expect(get.status).toBe(405);
    expect((await fetch(url)).status).toBe(401);
  });

  it('keeps phone numbers and emails out of the logs', async () => {
    await call('list_hot_leads', {});
    const all = logs.join('');
    expect(all).toContain('mcp tool call');
    expect(all).not.toContain(HOT.phone);
    expect(all).not.toContain(HOT.email);
  });
});

describe('MCP endpoint without JORGE_API_TOKEN', () => {
  it('refuses every request and tells the operator to set the token', async () => {
    const tdb = await pgliteBackend.open();
    const { app, url } = await startApp(
      undefined,
      createMcpDeps({ db: tdb.db, stores: postgresStores, config: loadConfig({}) }),
      [],
    );
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer anything-at-all-12345' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as Json).error.message).toMatch(/JORGE_API_TOKEN/);
    } finally {
      await app.close();
      await tdb.close();
    }
  });
});
