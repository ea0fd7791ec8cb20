import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowedCycles, allowedImports } from './allow-list.ts';
import { checkLayers, readImports } from './layer-rules.ts';

const edges = readImports(fileURLToPath(new URL('../../src', import.meta.url)));
const report = checkLayers(edges, allowedImports, allowedCycles);

describe('layer rules of src/ (ARCHITECTURE.md, "Layer rules")', () => {
  it('reads the imports of the source tree', () => {
    // A reader that found nothing would pass every rule below.
    expect(edges.length).toBeGreaterThan(500);
    expect(edges).toContainEqual({ from: 'main.ts', to: 'config.ts' });
  });

  it('no import breaks a layer rule, apart from the allow-list', () => {
    expect(report.violations, 'imports that break a layer rule').toEqual([]);
  });

  it('has no import cycle, apart from the allow-list', () => {
    expect(report.cycles, 'import cycles').toEqual([]);
  });

  it('every allow-list entry still occurs, so the list only shrinks', () => {
    expect(report.stale, 'fixed: remove these entries from test/architecture/allow-list.ts').toEqual([]);
  });
});
