import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

// Compose Specification schema, vendored from github.com/compose-spec/compose-spec schema/compose-spec.json
// (deploy/schemas/SOURCE.md names the commit); Docker Compose validates against the same file.
// It is draft-07 (Ajv's default dialect) but names the meta-schema by an https URL Ajv does not
// register, so the meta-schema check is skipped; strict: false because it uses annotation keywords
// Ajv does not know ("deprecated").
const validateCompose = new Ajv({ strict: false, allErrors: true, validateSchema: false }).compile(
  JSON.parse(read('deploy/schemas/compose-spec.json')),
);

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
  stop_signal?: string;
  volumes?: string[];
}

// Compose files use YAML merge keys (<<: *anchor); the yaml package resolves them only when asked.
const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, ComposeService> };

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const ok = validateCompose(compose);
    expect(validateCompose.errors ?? [], JSON.stringify(validateCompose.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema catches a misspelt key (the check can fail)', () => {
    const broken = structuredClone(compose) as { services: Record<string, Record<string, unknown>> };
    broken.services['jorge-1']!.dependson = broken.services['jorge-1']!.depends_on;
    expect(validateCompose(broken)).toBe(false);
  });

  it('runs two replicas that start only after the one-shot migration succeeded, and skip migrating', () => {
    const replicas = Object.entries(compose.services).filter(
      ([, s]) => s.environment?.DATABASE_URL !== undefined && s.command === undefined,
    );
    expect(replicas.map(([n]) => n).sort()).toEqual(['jorge-1', 'jorge-2']);
    for (const [, s] of replicas) {
      expect(s.depends_on?.migrate?.condition).toBe('service_completed_successfully');
      expect(s.environment?.MIGRATE_ON_START).toBe('false');
      expect(s.environment?.REDIS_URL).toMatch(/^redis:\/\/redis:/);
      expect(s.stop_signal).toBe('SIGTERM');
    }
    expect(compose.services.migrate?.command).toEqual(['node', 'dist/app/bin/migrate-main.mjs']);
    expect(compose.services.migrate?.depends_on?.postgres?.condition).toBe('service_healthy');
  });

  it('mounts monitoring files that exist, and Prometheus scrapes both replicas', () => {
    const binds = Object.values(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .filter((v) => v.startsWith('./'))
      .map((v) => v.split(':')[0]!);
    expect(binds.length).toBeGreaterThanOrEqual(3);
    for (const b of binds) expect(existsSync(new URL(`../../${b}`, import.meta.url)), b).toBe(true);
    const scrape = read('deploy/prometheus/prometheus.yml');
    expect(scrape).toContain('jorge-1:3000');
    expect(scrape).toContain('jorge-2:3000');
  });

  it('has PostgreSQL, Redis, Prometheus and Grafana, every third-party image pinned by a version tag', () => {
    for (const name of ['postgres', 'redis', 'prometheus', 'grafana']) {
      const image = compose.services[name]?.image ?? '';
      expect(image, name).toMatch(/^[\w./-]+:v?\d+\.\d+(\.\d+)?(-[\w.-]+)?$/);
    }
  });
});

// The hadolint rules that apply to this file, checked directly (hadolint itself is a Haskell binary
// not available from npm): DL3006/DL3007 base image tagged and not "latest", DL3002 last USER not
// root, DL3025 JSON-form CMD, DL4006-style shell hygiene is moot (no pipes); plus our own: a
// HEALTHCHECK on /healthz without curl, STOPSIGNAL SIGTERM, production dependencies only.
const dockerfile = read('Dockerfile');
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'))
  .map((l) => {
    const space = l.indexOf(' ');
    return { op: l.slice(0, space).toUpperCase(), args: l.slice(space + 1).trim() };
  });
const all = (op: string) => instructions.filter((i) => i.op === op).map((i) => i.args);

describe('Dockerfile (hadolint-equivalent checks)', () => {
  it('pins every base image by a full version tag, never latest', () => {
    const stages = new Set<string>();
    for (const from of all('FROM')) {
      const [image, , alias] = from.split(/\s+/);
      if (!stages.has(image!)) {
        expect(image).toMatch(/^[\w./-]+:\d+\.\d+\.\d+[\w.-]*$/);
        expect(image).not.toMatch(/:latest$/);
      }
      if (alias) stages.add(alias);
    }
    expect(all('FROM').length).toBeGreaterThanOrEqual(2);
  });

  it('runs as a non-root user, numeric so Kubernetes can verify runAsNonRoot', () => {
    const users = all('USER');
    const last = users.at(-1) ?? 'root';
    expect(last).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
  });

  it('checks /healthz with node (the slim image has no curl) and stops on SIGTERM', () => {
    const hc = all('HEALTHCHECK').join(' ');
    expect(hc).toContain('/healthz');
    expect(hc).not.toMatch(/\bcurl\b|\bwget\b/);
    expect(all('STOPSIGNAL')).toEqual(['SIGTERM']);
  });

  it('installs production dependencies only and starts node directly in JSON form', () => {
    expect(all('RUN').some((r) => /npm ci\b.*--omit=dev/.test(r))).toBe(true);
    expect(all('RUN').some((r) => /npm (install|i)\b/.test(r))).toBe(false);
    const cmd = all('CMD').at(-1) ?? '';
    expect(() => JSON.parse(cmd)).not.toThrow();
    expect(JSON.parse(cmd)[0]).toBe('node');
  });

  it('copies every directory the service reads at run time, and .dockerignore keeps them in the context', () => {
    const copied = all('COPY').join(' ');
    for (const dir of ['dist', 'migrations', 'skills', 'data-samples']) expect(copied).toContain(dir);
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const dir of ['src', 'migrations', 'skills', 'data-samples', 'config', 'package-lock.json']) {
      expect(ignored).not.toContain(dir);
    }
    for (const secret of ['.env', 'node_modules', '.git']) expect(ignored).toContain(secret);
  });
});
