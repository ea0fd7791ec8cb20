// The import rules between the layers of src/, checked from the source text of every file.
// Written by hand instead of taking dependency-cruiser: the rules are five path prefixes and a cycle
// search, TypeScript (already a dependency) lists each file's imports, and a violation can be matched
// against the allow-list below in the same code that reports it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** An import of one file of src/ by another, both relative to src/. */
export interface ImportEdge {
  from: string;
  to: string;
}

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

/**
 * Process entry points: each builds its own process from the config, as a composition root does
 * (`npm start`, `npm run migrate`, `npm run mcp`), so they count as wiring.
 */
const ENTRY_POINTS = new Set(['main.ts', 'migrate-main.ts', 'mcp/stdio.ts']);

/** The layer a file of src/ belongs to, by its path relative to src/. */
export function layerOf(file: string): string {
  if (file === 'ports.ts' || file.startsWith('ports/')) return 'ports';
  if (file.startsWith('wiring/') || ENTRY_POINTS.has(file)) return 'wiring';
  const slash = file.indexOf('/');
  return slash === -1 ? file.replace(/\.ts$/, '') : file.slice(0, slash);
}

interface Rule {
  name: string;
  applies: (from: string) => boolean;
  forbids: (to: string) => boolean;
}

const inLayer =
  (...layers: string[]) =>
  (file: string) =>
    layers.includes(layerOf(file));

export const rules: readonly Rule[] = [
  {
    name: 'domain imports nothing outside domain',
    applies: inLayer('domain'),
    forbids: (to) => layerOf(to) !== 'domain',
  },
  {
    name: 'ports import only ports and domain',
    applies: inLayer('ports'),
    forbids: (to) => !inLayer('ports', 'domain')(to),
  },
  {
    name: 'app imports only app, ports, domain, observability and resilience',
    applies: inLayer('app'),
    forbids: (to) => !inLayer('app', 'ports', 'domain', 'observability', 'resilience')(to),
  },
  {
    name: 'adapters never import app, http, mcp or wiring',
    applies: inLayer('adapters'),
    forbids: inLayer('app', 'http', 'mcp', 'wiring'),
  },
  {
    name: 'http and mcp never import adapters/postgres',
    applies: inLayer('http', 'mcp'),
    forbids: (to) => to.startsWith('adapters/postgres/'),
  },
];

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTs(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function resolveImport(fromPath: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(fromPath), spec);
  for (const candidate of [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every relative import (static, type-only, re-export, dynamic) between files of `srcDir`. */
export function readImports(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const path of listTs(srcDir)) {
    const info = ts.preProcessFile(readFileSync(path, 'utf8'), true, true);
    for (const imported of info.importedFiles) {
      const target = resolveImport(path, imported.fileName);
      if (target?.startsWith(srcDir)) {
        edges.push({ from: relative(srcDir, path), to: relative(srcDir, target) });
      }
    }
  }
  return edges;
}

export function layerViolations(edges: readonly ImportEdge[]): Violation[] {
  const out: Violation[] = [];
  for (const edge of edges) {
    for (const rule of rules) {
      if (rule.applies(edge.from) && rule.forbids(edge.to)) out.push({ rule: rule.name, ...edge });
    }
  }
  return out;
}

/** Each import cycle once, as the files in order (Tarjan's strongly connected components). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || next.get(node)?.includes(node)) cycles.push(component.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

export interface LayerReport {
  /** `from -> to  (rule)` for each import that breaks a rule and is not allowed. */
  violations: string[];
  /** Import cycles that are not allowed, as their files joined by ` + `. */
  cycles: string[];
  /** Allow-list entries that no longer occur (fixed: remove them). */
  stale: string[];
}

/** Checks every import of `srcDir` against the rules, minus the allowed imports and cycles. */
export function checkLayers(
  edges: readonly ImportEdge[],
  allowedImports: Record<string, string>,
  allowedCycles: Record<string, string>,
): LayerReport {
  const found = layerViolations(edges);
  const keys = new Set(found.map((v) => `${v.from} -> ${v.to}`));
  const cycles = importCycles(edges).map((files) => files.join(' + '));
  return {
    violations: found
      .filter((v) => !(`${v.from} -> ${v.to}` in allowedImports))
      .map((v) => `${v.from} -> ${v.to}  (${v.rule})`),
    cycles: cycles.filter((c) => !(c in allowedCycles)),
    stale: [
      ...Object.keys(allowedImports).filter((key) => !keys.has(key)),
      ...Object.keys(allowedCycles).filter((c) => !cycles.includes(c)),
    ],
  };
}
