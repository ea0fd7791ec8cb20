import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.ts';

// The local end-to-end stack: docker-compose.yml's fake-ghl service (profile "local") and the
// settings in deploy/local/fake-ghl.env that point both replicas at it. Docker is not run here, so
// this checks that the pieces agree: what the fake is started with, what the replicas are given
// after Compose substitutes the env file, and that the service's config accepts the result.
const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

interface Service {
  profiles?: string[];
  build?: { context: string; target?: string } | string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, unknown>;
  ports?: string[];
}
const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, Service> };
const fake = compose.services['fake-ghl']!;

/** KEY=value lines as Compose's env file reads them (single quotes: the value as written). */
function envFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    const eq = t.indexOf('=');
    const raw = t.slice(eq + 1);
    out[t.slice(0, eq)] = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  }
  return out;
}
const localEnv = envFile(read('deploy/local/fake-ghl.env'));

/** Compose's ${NAME}, ${NAME:-default} and ${NAME:?error} substitution. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) => {
    const v = env[name];
    if (v !== undefined && v !== '') return v;
    if (op === '?') throw new Error(`${name}: ${arg}`);
    return op === '-' ? (arg ?? '') : '';
  });
}

const flag = (name: string) =>
  fake.command?.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? '';

describe('docker-compose.yml with the fake GoHighLevel (profile "local")', () => {
  it('builds the fake from its own Dockerfile target, only in the local profile', () => {
    expect(fake.profiles).toEqual(['local']);
    expect(fake.build).toMatchObject({ context: '.', target: 'fake-ghl' });
    expect(read('Dockerfile')).toMatch(/^FROM \S+ AS fake-ghl$/m);
    // The default stack never waits for it.
    for (const s of Object.values(compose.services))
      expect(Object.keys(s.depends_on ?? {})).not.toContain('fake-ghl');
    expect(flag('host')).toBe('0.0.0.0');
    expect(fake.ports).toContain(`127.0.0.1:${flag('port')}:${flag('port')}`);
  });

  it('delivers webhooks to both replicas and is the GHL the env file points them at', () => {
    expect(flag('webhook-url').split(',')).toEqual([
      'http://jorge-1:3000/webhooks/ghl',
      'http://jorge-2:3000/webhooks/ghl',
    ]);
    expect(localEnv.COMPOSE_PROFILES).toBe('local');
    expect(localEnv.GHL_API_BASE_URL).toBe(flag('public-url'));
    expect(localEnv.GHL_PRIVATE_TOKEN).toBe(flag('token'));
    expect(localEnv.GHL_LOCATION_ID).toBe(flag('location-id'));
  });

  it("the replicas trust the key of the fake's signing seed, and their config accepts the settings", () => {
    const seed = Buffer.from(flag('key-seed'), 'hex');
    expect(seed).toHaveLength(32);
    // RFC 8410: an Ed25519 PKCS#8 key is this prefix and the 32-byte seed.
    const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
    const publicPem = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }))
      .export({ type: 'spki', format: 'pem' })
      .toString()
      .trim();
    for (const name of ['jorge-1', 'jorge-2']) {
      const env = Object.fromEntries(
        Object.entries(compose.services[name]!.environment ?? {}).map(([k, v]) => [
          k,
          interpolate(String(v), localEnv),
        ]),
      );
      const config = loadConfig(env);
      expect(config.GHL_API_BASE_URL).toBe('http://fake-ghl:4010');
      expect(config.GHL_WEBHOOK_ED25519_PUBLIC_KEY).toBe(publicPem);
      expect(config.GHL_PRIVATE_TOKEN).toBe(flag('token'));
    }
  });

  it('without the env file the replicas keep GoHighLevel and its published key', () => {
    const env = Object.fromEntries(
      Object.entries(compose.services['jorge-1']!.environment ?? {}).map(([k, v]) => [
        k,
        interpolate(String(v), { JORGE_API_TOKEN: 'a-token-of-24-characters' }),
      ]),
    );
    const config = loadConfig(env);
    const defaults = loadConfig({});
    expect(config.GHL_API_BASE_URL).toBe(defaults.GHL_API_BASE_URL);
    expect(config.GHL_WEBHOOK_ED25519_PUBLIC_KEY).toBe(defaults.GHL_WEBHOOK_ED25519_PUBLIC_KEY);
  });
});

describe('Dockerfile target fake-ghl', () => {
  it('is not the default target, and the service image takes nothing from it or from test/', () => {
    const stages = read('Dockerfile')
      .split(/^FROM /m)
      .slice(1);
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^\S+ AS runtime\b/);
    expect(runtime).not.toMatch(/--from=fake-ghl|test\/|scripts\//);
    expect(runtime).toContain('CMD ["node", "dist/app/bin/main.mjs"]');
  });
});
