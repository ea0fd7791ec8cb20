import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The subset of kustomize that deploy/kubernetes uses, for rendering in tests without the kustomize
 * binary (no maintained kustomize implementation is published on npm): `resources` (files and
 * directories), `namespace`, `images` (newName/newTag) and `patches` given as strategic-merge patch
 * files. Lists merge by `name` where Kubernetes declares that merge key (containers, env, volumes…);
 * every other list is replaced, as kustomize does for lists without a merge key (Ingress rules, tls).
 * Anything else in a kustomization.yaml is refused, so a feature used later is not silently ignored.
 * Checked against `kubectl kustomize` (kustomize v5.5.0) on these manifests: identical objects.
 */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
};

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);
const MERGE_BY_NAME = new Set(['containers', 'initContainers', 'env', 'volumes', 'imagePullSecrets']);
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
]);

interface Kustomization {
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string }[];
}

export function readYamlObjects(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => {
      if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0]!.message}`);
      return d.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}

export function renderKustomization(dir: string): K8sObject[] {
  const k = readYamlObjects(join(dir, 'kustomization.yaml'))[0] as unknown as Kustomization;
  const unknown = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unknown.length > 0)
    throw new Error(`${dir}/kustomization.yaml: unsupported fields ${unknown.join(', ')}`);
  let objects: K8sObject[] = [];
  for (const r of k.resources ?? []) {
    const path = join(dir, r);
    objects.push(...(statSync(path).isDirectory() ? renderKustomization(path) : readYamlObjects(path)));
  }
  for (const p of k.patches ?? []) {
    for (const patch of readYamlObjects(join(dir, p.path))) {
      const i = objects.findIndex((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (i < 0) throw new Error(`${p.path}: no ${patch.kind}/${patch.metadata.name} to patch`);
      objects[i] = merge(objects[i], patch) as K8sObject;
    }
  }
  const namespace = k.namespace;
  if (namespace) {
    objects = objects.map((o) =>
      CLUSTER_SCOPED.has(o.kind) ? o : { ...o, metadata: { ...o.metadata, namespace } },
    );
  }
  for (const img of k.images ?? []) {
    for (const o of objects) setImages(o, img);
  }
  return objects;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function merge(base: unknown, patch: unknown, key = ''): unknown {
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(patch)) out[k] = k in base ? merge(base[k], v, k) : v;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch) && MERGE_BY_NAME.has(key)) {
    const out = [...base];
    for (const item of patch as { name?: string }[]) {
      const i = out.findIndex((b) => isObject(b) && b.name === item.name);
      if (i >= 0) out[i] = merge(out[i], item);
      else out.push(item);
    }
    return out;
  }
  return patch;
}

function setImages(o: unknown, img: { name: string; newName?: string; newTag?: string }): void {
  if (Array.isArray(o)) {
    for (const item of o) setImages(item, img);
    return;
  }
  if (!isObject(o)) return;
  for (const [k, v] of Object.entries(o)) {
    if ((k === 'containers' || k === 'initContainers') && Array.isArray(v)) {
      for (const c of v as { image?: string }[]) {
        const [name, tag] = (c.image ?? '').split(':');
        if (name === img.name) c.image = `${img.newName ?? name}:${img.newTag ?? tag}`;
      }
    } else setImages(v, img);
  }
}
