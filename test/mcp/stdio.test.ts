import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnService } from '../support/spawn-service.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = ['--import', 'tsx', 'src/mcp/stdio.ts'];

describe('npm run mcp (stdio)', () => {
  let dataDir: string;
  let client: Client;
  let stderr = '';
  const protocolErrors: Error[] = [];
  const env = () => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jorge-mcp-stdio-'));
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ENTRY,
      cwd: ROOT,
      env: env(),
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    // Anything but protocol on stdout would surface here as a parse error.
    transport.onerror = (err) => protocolErrors.push(err);
    client = new Client({ name: 'test', version: '1.0.0' });
    await client.connect(transport);
  });
  afterAll(async () => {
    await client?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the lead tools over an embedded database in DATA_DIR', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['get_contact', 'list_hot_leads', 'list_escalations']),
    );
    const result = (await client.callTool({ name: 'list_escalations', arguments: {} })) as {
      content: { type: string; text: string }[];
      isError?: boolean;
    };
    expect(result.isError).toBeFalsy();
    expect(JSON.parse(result.content[0]!.text)).toEqual({ count: 0, escalations: [] });
    const unknown = (await client.callTool({ name: 'get_contact', arguments: { contactId: 'nobody' } })) as {
      isError?: boolean;
    };
    expect(unknown.isError).toBe(true);
    expect(protocolErrors).toEqual([]);
    expect(stderr).toContain('mcp stdio server ready');
  });

  it('refuses to open the embedded database while another process has it open', async () => {
    const second = spawn(process.execPath, ENTRY, { cwd: ROOT, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    second.stdout.on('data', (d) => {
      out += String(d);
    });
    second.stderr.on('data', (d) => {
      err += String(d);
    });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toMatch(/open in another process/);
    expect(out).toBe('');
  });

  it('keeps the service from starting on the same embedded database', async () => {
    const refused = await spawnService({ DATA_DIR: dataDir }, 60_000).then(
      async (s) => {
        await s.kill();
        return 'started';
      },
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/The embedded database in .* is in use by process \d+/);
  }, 90_000);
});
