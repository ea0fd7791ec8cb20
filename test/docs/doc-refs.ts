// What the operator docs name: settings, npm scripts and our own HTTP endpoints, with where.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

export interface Ref {
  value: string;
  where: string;
}

/** README.md, ARCHITECTURE.md and every docs/*.md except the generated API.md. */
export function docFiles(): Array<{ name: string; text: string }> {
  const names = [
    'README.md',
    'ARCHITECTURE.md',
    ...readdirSync(join(repoRoot, 'docs'))
      .filter((f) => f.endsWith('.md') && f !== 'API.md')
      .sort()
      .map((f) => `docs/${f}`),
  ];
  return names.map((name) => ({ name, text: readFileSync(join(repoRoot, name), 'utf8') }));
}

const INLINE_CODE = /`([^`\n]+)`/g;
const ENV_NAME = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(\*)?(?:=.*)?$/;
const ENV_PREFIX_WILDCARD = /^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_)\*$/;
const FENCED_ASSIGNMENT = /^\s*(?:export\s+)?([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)=/;
const NPM_RUN = /\bnpm run ([a-z][a-z0-9:._-]*)/g;
const NPM_SHORT = /\bnpm (start|test)\b/g;
const METHOD_PATH = /\b(GET|POST|PUT|PATCH|DELETE|HEAD)\s+(\/[^\s`|,)]*)/g;
const BARE_PATH = /^(\/[A-Za-z0-9_{}:<>.*\-/]*)(?:\?.*)?$/;

function lineOf(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Lines inside ``` fences, with their 1-based numbers. */
function fencedLines(text: string): Array<{ line: string; n: number }> {
  const out: Array<{ line: string; n: number }> = [];
  let inside = false;
  text.split('\n').forEach((line, i) => {
    if (line.trimStart().startsWith('```')) inside = !inside;
    else if (inside) out.push({ line, n: i + 1 });
  });
  return out;
}

/** `SOME_SETTING`, `SOME_SETTING=value`, `PREFIX_*`, and NAME=value lines in code blocks. */
export function envRefs(name: string, text: string): Ref[] {
  const refs: Ref[] = [];
  for (const m of text.matchAll(INLINE_CODE)) {
    const code = (m[1] as string).trim();
    const wild = ENV_PREFIX_WILDCARD.exec(code);
    const env = ENV_NAME.exec(code);
    const value = wild ? `${wild[1]}*` : env ? (env[1] as string) : null;
    if (value) refs.push({ value, where: `${name}:${lineOf(text, m.index ?? 0)}` });
  }
  for (const { line, n } of fencedLines(text)) {
    const m = FENCED_ASSIGNMENT.exec(line);
    if (m) refs.push({ value: m[1] as string, where: `${name}:${n}` });
  }
  return refs;
}

export function npmScriptRefs(name: string, text: string): Ref[] {
  const refs: Ref[] = [];
  for (const re of [NPM_RUN, NPM_SHORT]) {
    for (const m of text.matchAll(re)) {
      refs.push({
        value: (m[1] as string).replace(/[.:]+$/, ''),
        where: `${name}:${lineOf(text, m.index ?? 0)}`,
      });
    }
  }
  return refs;
}

/** Endpoints as "METHOD /path" (method may be "*" for a bare path in backticks). */
export function endpointRefs(name: string, text: string): Ref[] {
  const refs: Ref[] = [];
  for (const m of text.matchAll(METHOD_PATH)) {
    refs.push({ value: `${m[1]} ${m[2]}`, where: `${name}:${lineOf(text, m.index ?? 0)}` });
  }
  for (const m of text.matchAll(INLINE_CODE)) {
    const code = (m[1] as string).trim();
    const p = BARE_PATH.exec(code);
    if (p) refs.push({ value: `* ${p[1]}`, where: `${name}:${lineOf(text, m.index ?? 0)}` });
  }
  return refs;
}
