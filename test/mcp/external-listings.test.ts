import { afterEach, describe, expect, it } from 'vitest';
import { pgliteBackend, type TestDb } from '../support/db.ts';
import { type FakeMcpToolServer, startFakeMcpToolServer } from '../support/fakes/mcp-tool-server.ts';
import { postJson, startTestService, type TestService } from '../support/service.ts';

describe('buyer bot with an external listings service over MCP', () => {
  let tdb: TestDb;
  let svc: TestService;
  let tools: FakeMcpToolServer;
  afterEach(async () => {
    await svc?.stop();
    await tdb?.close();
    await tools?.close().catch(() => {});
  });

  const start = async (url: string) => {
    tdb = await pgliteBackend.open();
    svc = await startTestService(
      tdb,
      {
        FEATURE_MCP: 'true',
        MCP_SERVERS: JSON.stringify([
          { name: 'listings', url, token: 'listings-token', tools: { search_listings: 'find_homes' } },
        ]),
        MCP_TIMEOUT_MS: '1500',
      },
      { workers: false },
    );
  };
  const say = async (contactId: string, message: string) => {
    const res = await postJson(`${svc.url}/api/v1/sandbox/messages`, {
      contactId,
      message,
      tags: ['Buyer-Lead'],
    });
    expect(res.status).toBe(200);
    return res.body as { replies: { body: string }[] };
  };
  const notes = async (contactId: string) => {
    const { rows } = await tdb.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM sandbox_crm_records WHERE contact_id = $1 AND kind = 'note' ORDER BY id`,
      [contactId],
    );
    return rows.map((r) => JSON.stringify(r.payload)).join('\n');
  };

  it('offers a home that only the outside service lists, asking it with the buyer’s search', async () => {
    tools = await startFakeMcpToolServer({ token: 'listings-token' });
    await start(tools.url);
    await say('ext-1', 'Hi, I want to buy a 4 bedroom house in Etiwanda, budget up to $900k');
    const second = await say('ext-1', 'We are pre-approved with our bank and want to move in 2 months');
    expect(tools.toolCalls).toContain('find_homes');
    expect(tools.authorizations).toContain('Bearer listings-token');
    const seen = `${second.replies.map((r) => r.body).join('\n')}\n${await notes('ext-1')}`;
    expect(seen).toContain('12 Outside Listing Ct');
  });

  it('keeps the conversation going on local listings when the service is down', async () => {
    tools = await startFakeMcpToolServer();
    const url = tools.url;
    await tools.close();
    await start(url);
    await say('ext-2', 'Hi, I want to buy a 4 bedroom house in Etiwanda, budget up to $900k');
    const second = await say('ext-2', 'We are pre-approved with our bank and want to move in 2 months');
    expect(second.replies.length).toBeGreaterThan(0);
    expect(`${second.replies.map((r) => r.body).join('\n')}\n${await notes('ext-2')}`).not.toContain(
      '12 Outside Listing Ct',
    );
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    expect(metrics).toMatch(
      /jorge_mcp_calls_total\{server="listings",tool="search_listings",outcome="(error|timeout)"\} 1/,
    );
  });
});
