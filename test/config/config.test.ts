import { describe, expect, it } from 'vitest';
import { ConfigError, GHL_ED25519_PUBLIC_KEY, loadConfig } from '../../src/config.ts';
import { testWebhookKeys } from '../support/fakes/test-keys.ts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
};

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.HOST).toBe('127.0.0.1');
    expect(c.DATA_DIR).toBe('./data');
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.GHL_API_BASE_URL).toBe('https://services.leadconnectorhq.com');
    expect(c.GHL_WEBHOOK_ED25519_PUBLIC_KEY).toBe(GHL_ED25519_PUBLIC_KEY);
    expect(c.AGENT_NAME).toBe('Jorge');
    expect(c.TIMEZONE).toBe('America/Los_Angeles');
  });

  it('treats an empty value as unset', () => {
    const c = loadConfig({ PORT: '', DATABASE_URL: '  ', AGENT_NAME: '', GHL_PRIVATE_TOKEN: '' });
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.AGENT_NAME).toBe('Jorge');
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      TIMEZONE: 'Mars/Olympus',
      GHL_WEBHOOK_ED25519_PUBLIC_KEY: 'not a key',
      JORGE_API_TOKEN: 'short',
    });
    const text = problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'TIMEZONE',
      'GHL_WEBHOOK_ED25519_PUBLIC_KEY',
      'JORGE_API_TOKEN',
    ])
      expect(text).toContain(name);
    expect(problems).toHaveLength(5);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/Invalid configuration:\n {2}- PORT/);
  });

  it('refuses a non-loopback HOST without an API token', () => {
    expect(problemsOf({ HOST: '0.0.0.0' })[0]).toMatch(/HOST.*JORGE_API_TOKEN/);
    expect(loadConfig({ HOST: '0.0.0.0', JORGE_API_TOKEN: 'a-long-enough-token-123' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: 'localhost' }).HOST).toBe('localhost');
  });

  it('needs the location id with a GHL token', () => {
    expect(problemsOf({ GHL_PRIVATE_TOKEN: 'pit-123' })[0]).toMatch(/GHL_LOCATION_ID/);
  });

  it('takes PEM keys as multi-line text or with literal \\n on one line', () => {
    const pem = testWebhookKeys.ed25519.publicKeyPem.trim();
    expect(loadConfig({ GHL_WEBHOOK_ED25519_PUBLIC_KEY: pem }).GHL_WEBHOOK_ED25519_PUBLIC_KEY).toBe(pem);
    expect(
      loadConfig({ GHL_WEBHOOK_ED25519_PUBLIC_KEY: pem.replace(/\n/g, '\\n') })
        .GHL_WEBHOOK_ED25519_PUBLIC_KEY,
    ).toBe(pem);
  });
});
