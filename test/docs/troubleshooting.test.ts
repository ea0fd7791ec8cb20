import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownReasons } from '../../src/adapters/ghl/error-reasons.ts';
import { repoRoot } from './doc-refs.ts';

const doc = readFileSync(join(repoRoot, 'docs', 'TROUBLESHOOTING.md'), 'utf8');

function sourceText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}
const src = sourceText(join(repoRoot, 'src'));

/** `"…"` spans: texts an operator searches for in logs, error bodies and outbox.last_error. */
const QUOTED = /`"([^"`]+)"`/g;

describe('docs/TROUBLESHOOTING.md', () => {
  it('has at least 15 symptom → cause → fix entries, each naming what to look for', () => {
    const entries = doc.split('\n### ').slice(1);
    expect(entries.length).toBeGreaterThanOrEqual(15);
    const incomplete = entries.filter(
      (e) => !e.includes('**Look for:**') || !e.includes('**Cause:**') || !e.includes('**Fix:**'),
    );
    expect(incomplete.map((e) => e.split('\n')[0])).toEqual([]);
  });

  it('every quoted log line or error text is still written by the code', () => {
    const texts = [...doc.matchAll(QUOTED)].map((m) => m[1] as string);
    expect(texts.length).toBeGreaterThan(30);
    const missing = texts.filter((t) => {
      // GHL's own error texts: the code recognises them (and keeps them in logs) rather than writes them.
      if (knownReasons({ message: t.replace(/…/g, 'SMS') }) !== '') return false;
      // `…` stands for a value the code fills in: every literal piece between them must exist.
      const pieces = t
        .split('…')
        .map((p) => p.trim())
        .filter((p) => p.length >= 6);
      return pieces.length === 0 || pieces.some((p) => !src.includes(p));
    });
    expect(missing).toEqual([]);
  });

  it('every metric it names is one the service defines', () => {
    const named = new Set([...doc.matchAll(/`(jorge_[a-z_]+)/g)].map((m) => m[1] as string));
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((n) => !src.includes(`'${n}'`))).toEqual([]);
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain('docs/TROUBLESHOOTING.md');
  });
});
