import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ghlAuthFromConfig } from '../../src/adapters/ghl-oauth/from-config.ts';
import {
  KEY_FILE_NAME,
  loadOrCreateKeyFile,
  parseTokenKey,
} from '../../src/adapters/ghl-oauth/token-crypto.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/ports.ts';

const app = { GHL_CLIENT_ID: '65f0a1b2c3d4e5f6a7b8c9d0-lkq2x9ab', GHL_CLIENT_SECRET: 'app-secret-value' };
const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    return err instanceof ConfigError ? err.problems : [String(err)];
  }
};

describe('TOKEN_ENCRYPTION_KEY', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('is required with the Marketplace app when HOST is not loopback, and the message says how to make one', () => {
    const problems = problemsOf({ ...app, HOST: '0.0.0.0', JORGE_API_TOKEN: 'a-long-enough-token-123' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^TOKEN_ENCRYPTION_KEY: required when HOST is 0\.0\.0\.0.*openssl rand -base64 32/,
    );
    const key = randomBytes(32).toString('base64');
    expect(
      loadConfig({
        ...app,
        HOST: '0.0.0.0',
        JORGE_API_TOKEN: 'a-long-enough-token-123',
        TOKEN_ENCRYPTION_KEY: key,
      }).TOKEN_ENCRYPTION_KEY,
    ).toBe(key);
  });

  it('must be 32 bytes in base64 or hex', () => {
    expect(problemsOf({ ...app, TOKEN_ENCRYPTION_KEY: 'too-short' })[0]).toMatch(
      /^TOKEN_ENCRYPTION_KEY: must be 32 bytes/,
    );
    expect(problemsOf({ ...app, TOKEN_ENCRYPTION_KEY: randomBytes(16).toString('base64') })).toHaveLength(1);
    expect(parseTokenKey(randomBytes(32).toString('hex'))).toHaveLength(32);
    expect(parseTokenKey(randomBytes(32).toString('base64url'))).toHaveLength(32);
  });

  it('client id and secret come together', () => {
    expect(problemsOf({ GHL_CLIENT_ID: app.GHL_CLIENT_ID })[0]).toMatch(/^GHL_CLIENT_SECRET:/);
  });

  it('on loopback without one, a key is made once in DATA_DIR (owner-only) and reused on the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jorge-key-'));
    dirs.push(dir);
    const config = loadConfig({ ...app, DATA_DIR: dir });
    const db = {} as Db; // nothing is queried while wiring
    expect(ghlAuthFromConfig(config, { db, logger: console }).installs).not.toBeNull();
    const path = join(dir, KEY_FILE_NAME);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const first = readFileSync(path, 'utf8');
    expect(parseTokenKey(first)).toHaveLength(32);
    ghlAuthFromConfig(config, { db, logger: console });
    expect(readFileSync(path, 'utf8')).toBe(first);
    expect(loadOrCreateKeyFile(dir).equals(parseTokenKey(first)!)).toBe(true);
  });
});
