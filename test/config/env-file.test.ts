import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentWithEnvFile, loadConfig } from '../../src/config.ts';
import { parseEnvFile } from '../../src/env-file.ts';

describe('.env syntax', () => {
  it('reads bare, exported, quoted and multi-line values and skips comments', () => {
    const text = [
      '# persona',
      'AGENT_NAME=Rosa Díaz   # the realtor',
      'export MARKET = Ontario, CA',
      "BROKERAGE='Casa #1 Realty'",
      'ASSISTANT_NAME="Alex \\"the helper\\""',
      'GHL_WEBHOOK_ED25519_PUBLIC_KEY="-----BEGIN PUBLIC KEY-----',
      'MCowBQYDK2VwAyEA',
      '-----END PUBLIC KEY-----"',
      'JORGE_API_TOKEN=',
      '',
    ].join('\r\n');
    expect(parseEnvFile(text)).toEqual({
      AGENT_NAME: 'Rosa Díaz',
      MARKET: 'Ontario, CA',
      BROKERAGE: 'Casa #1 Realty',
      ASSISTANT_NAME: 'Alex "the helper"',
      GHL_WEBHOOK_ED25519_PUBLIC_KEY:
        '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----',
      JORGE_API_TOKEN: '',
    });
  });

  it('names the line of a malformed setting and never echoes its value', () => {
    expect(() => parseEnvFile('PORT=3000\nAGENT_NAME Rosa\n')).toThrow('.env line 2: expected NAME=value');
    expect(() => parseEnvFile('PORT=3000\n\nAGENT-NAME=s3cret\n')).toThrow(
      '.env line 3: "AGENT-NAME" is not a valid name',
    );
    expect(() => parseEnvFile('GHL_PRIVATE_TOKEN="pit-s3cret\nPORT=1\n')).toThrow(
      '.env line 1: the value of GHL_PRIVATE_TOKEN opens a " quote that is never closed',
    );
    expect(() => parseEnvFile("GHL_PRIVATE_TOKEN='pit-s3cret\n")).not.toThrow('pit-s3cret');
    expect(() => parseEnvFile('AGENT_NAME="Rosa" Díaz\n')).toThrow(
      '.env line 1: unexpected text after the closing quote of AGENT_NAME',
    );
  });
});

describe('.env under the environment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jorge-envfile-'));
  writeFileSync(join(dir, '.env'), 'PORT=4123\nAGENT_NAME=Rosa\nMARKET=Ontario, CA\n');

  it('fills what the environment leaves unset; a set variable wins, an empty one does not', () => {
    const { env, envFile } = environmentWithEnvFile({ AGENT_NAME: 'Maria', MARKET: '' }, dir);
    expect(envFile).toBe(join(dir, '.env'));
    const cfg = loadConfig(env);
    expect([cfg.PORT, cfg.AGENT_NAME, cfg.MARKET]).toEqual([4123, 'Maria', 'Ontario, CA']);
  });

  it('is optional', () => {
    const empty = mkdtempSync(join(tmpdir(), 'jorge-envfile-'));
    expect(environmentWithEnvFile({ PORT: '1' }, empty)).toEqual({ env: { PORT: '1' }, envFile: null });
  });
});
