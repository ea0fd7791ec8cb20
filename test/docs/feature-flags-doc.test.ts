import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config.ts';
import { describeFeatures } from '../../src/http/routes/features.get.ts';
import { repoRoot } from './doc-refs.ts';

const doc = readFileSync(join(repoRoot, 'docs', 'FEATURE_FLAGS.md'), 'utf8');
const defaults = loadConfig({}) as unknown as Record<string, unknown>;

/** `NAME` … default `value` in prose, and `| `NAME` | `value` |` table rows. */
function documentedDefaults(): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const m of doc.matchAll(/`([A-Z][A-Z0-9_]+)`,? default `?([^`)\s,]+)`?/g)) {
    out.push({ name: m[1] as string, value: m[2] as string });
  }
  for (const m of doc.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| `([^`]+)` \|/gm)) {
    out.push({ name: m[1] as string, value: m[2] as string });
  }
  return out;
}

describe('docs/FEATURE_FLAGS.md', () => {
  it('lists every FEATURE_* flag of the config in its table', () => {
    const flags = Object.keys(configSchema.shape).filter((k) => k.startsWith('FEATURE_'));
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.filter((f) => !new RegExp(`^\\| \`${f}\` \\| \`false\` \\|`, 'm').test(doc))).toEqual([]);
  });

  it('names every setting GET /api/v1/features reports', () => {
    const features = describeFeatures(loadConfig({}));
    const names = features.features.flatMap((f) => [f.flag, ...Object.keys(f.settings)]);
    expect(names.filter((n) => !doc.includes(`\`${n}\``))).toEqual([]);
  });

  it('states the defaults the config really has', () => {
    const stated = documentedDefaults().filter((d) => d.name in defaults);
    expect(stated.length).toBeGreaterThan(8);
    const wrong = stated
      .filter((d) => String(defaults[d.name]) !== d.value)
      .map((d) => `${d.name}: doc ${d.value}, config ${String(defaults[d.name])}`);
    expect(wrong).toEqual([]);
  });
});
