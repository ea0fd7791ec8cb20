import { describe, expect, it } from 'vitest';
import { defaultNeighborhoods, extractAreas } from '../../../src/domain/language/index.ts';

describe('extractAreas', () => {
  it.each([
    ['etiwanda', ['Etiwanda']],
    ['ETIWANDA', ['Etiwanda']],
    ['Etiwnada', ['Etiwanda']],
    ['alta loma', ['Alta Loma']],
    ['altaloma', ['Alta Loma']],
    ['victoria gardens area', ['Victoria']],
    ['terra vista', ['Terra Vista']],
    ['tierra vista', ['Terra Vista']],
    ['North Etiwanda please', ['North Etiwanda']],
    ['near Chino Hills', ['Chino Hills']],
    ['chino', ['Chino']],
    ['looking in upland or fontana', ['Upland', 'Fontana']],
    ['Fontanna', ['Fontana']],
    ['Claremount', ['Claremont']],
    ['ontario or rialto', ['Ontario', 'Rialto']],
    ['Rancho', ['Rancho Cucamonga']],
    ['anywhere in RC', ['Rancho Cucamonga']],
    ['rancho cucamonga', ['Rancho Cucamonga']],
    ['havenview', ['Haven View Estates']],
    ['red hills', ['Red Hill']],
    ['Day creek', ['Day Creek']],
    ['3 beds 2 baths in etiwanda under 600', ['Etiwanda']],
    ['cerca de Alta Loma o Upland', ['Alta Loma', 'Upland']],
    ['etiwanda, alta loma, etiwanda again', ['Etiwanda', 'Alta Loma']],
  ])('%j → %j', (text, areas) => {
    expect(extractAreas(text, defaultNeighborhoods)).toEqual(areas);
  });

  it.each([
    ['moving to Montana'],
    ['a victorian house'],
    ['hi'],
    ['I live at 123 Victoria Park Ln'],
    ['3 beds'],
  ])('%j names no area', (text) => {
    expect(extractAreas(text, defaultNeighborhoods)).toEqual([]);
  });

  it('uses the configured list and its spelling', () => {
    const custom = ['Downtown Riverside', 'Wood Streets'];
    expect(extractAreas('somewhere in the wood streets', custom)).toEqual(['Wood Streets']);
    expect(extractAreas('etiwanda', custom)).toEqual([]);
  });

  it('ships a default list for the Rancho Cucamonga market', () => {
    expect(defaultNeighborhoods.length).toBeGreaterThanOrEqual(15);
    expect(defaultNeighborhoods).toContain('Etiwanda');
  });
});
