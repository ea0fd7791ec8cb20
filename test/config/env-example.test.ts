import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config.ts';

const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
const documented = new Set(
  example
    .split('\n')
    .map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1])
    .filter((k): k is string => k !== undefined),
);

describe('.env.example', () => {
  it('shows every setting the service reads, and nothing it does not', () => {
    const keys = Object.keys(configSchema.shape).sort();
    expect(keys.filter((k) => !documented.has(k))).toEqual([]);
    expect([...documented].filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('is a valid configuration as shipped', () => {
    const env: Record<string, string> = {};
    for (const line of example.split('\n')) {
      const m = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
      if (m) env[m[1]!] = m[2]!;
    }
    expect(() => loadConfig(env)).not.toThrow();
  });
});

describe('feature flags', () => {
  it('are off by default, and off means off (not the text "false")', () => {
    const cfg = loadConfig({});
    expect(cfg.FEATURE_PROGRESSIVE_SKILLS).toBe(false);
    expect(cfg.FEATURE_AGENT_MESH).toBe(false);
    expect(cfg.FEATURE_MCP).toBe(false);
    expect(cfg.WORKERS_ENABLED).toBe(true);
  });

  it('accept true/false/1/0 and name the variable otherwise', () => {
    expect(loadConfig({ FEATURE_MCP: '1' }).FEATURE_MCP).toBe(true);
    expect(loadConfig({ FEATURE_MCP: 'false' }).FEATURE_MCP).toBe(false);
    expect(() => loadConfig({ FEATURE_AGENT_MESH: 'yes please' })).toThrow(/FEATURE_AGENT_MESH/);
  });

  it('refuse an MCP_SERVERS value that is not a list of servers, naming the problem', () => {
    expect(() => loadConfig({ MCP_SERVERS: '{"name":"x"}' })).toThrow(/MCP_SERVERS/);
    expect(() => loadConfig({ MCP_SERVERS: '[{"name":"listings","url":"ftp://x"}]' })).toThrow(
      /MCP_SERVERS.*http/,
    );
  });
});
