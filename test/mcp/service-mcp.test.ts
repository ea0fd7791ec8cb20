import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

const TOKEN = 'mcp-test-token-0123456789';

describe('the running service answers MCP at /mcp', () => {
  let tdb: TestDb;
  let svc: TestService;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
  });

  it('lists the lead tools and reads a sandbox conversation when FEATURE_MCP is on', async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { FEATURE_MCP: 'true', JORGE_API_TOKEN: TOKEN }, { workers: false });
    const said = await fetch(`${svc.url}/api/v1/sandbox/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ contactId: 'mcp-1', message: 'I want to sell my house at 6842 Etiwanda Ave' }),
    });
    expect(said.status).toBe(200);

    const client = new Client({ name: 'desktop-assistant', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${svc.url}/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
      }),
    );
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'generate_cma',
      'get_contact',
      'get_conversation',
      'list_escalations',
      'list_hot_leads',
    ]);
    const conversation = await client.callTool({
      name: 'get_conversation',
      arguments: { contactId: 'mcp-1' },
    });
    expect(conversation.isError).toBeFalsy();
    expect(JSON.stringify(conversation.content)).toContain('6842 Etiwanda Ave');
    await client.close();

    const anonymous = await postJson(`${svc.url}/mcp`, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(anonymous.status).toBe(401);
  });

  it('has no /mcp route when FEATURE_MCP is off', async () => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(tdb, { FEATURE_MCP: 'false' }, { workers: false });
    const res = await postJson(`${svc.url}/mcp`, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(res.status).toBe(404);
  });
});
