import { describe, expect, it } from 'vitest';
import { loadComps } from '../../../src/adapters/comps/load-comps.ts';
import { renderCmaPdf } from '../../../src/adapters/pdf/cma-pdf.ts';
import { pdfText } from '../../support/pdf-text.ts';
import { toWinAnsi } from '../../../src/adapters/pdf/pdf-text.ts';
import { buildCma } from '../../../src/domain/cma/build-cma.ts';
import type { Cma, CmaSubject } from '../../../src/domain/cma/types.ts';

const { comps } = loadComps();
const branding = {
  agentName: 'Jorge',
  market: 'Rancho Cucamonga, CA',
  phone: '(909) 555-0100',
  email: 'agent@example.com',
};

function cmaOf(subject: CmaSubject): Cma {
  const outcome = buildCma(subject, comps, '2026-11-24');
  if (!outcome.ok) throw new Error(outcome.problems.join('; '));
  return outcome.cma;
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('renderCmaPdf', () => {
  it('renders a two-page Letter PDF well under 2 MB', async () => {
    const pdf = await renderCmaPdf(
      cmaOf({ address: '6842 Etiwanda Ave, Rancho Cucamonga', beds: 4, sqft: 2100 }),
      branding,
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(2 * 1024 * 1024);
    expect(pageCount(pdf)).toBe(2);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 612 792]');
  });

  it('shows the address, the comps, the range and the disclaimer as text', async () => {
    const cma = cmaOf({
      address: '6842 Etiwanda Ave, Rancho Cucamonga',
      beds: 4,
      sqft: 2100,
      sellerPrice: 1_250_000,
    });
    const text = await pdfText(await renderCmaPdf(cma, branding));
    expect(text).toContain('Comparative Market Analysis');
    expect(text).toContain('6842 Etiwanda Ave, Rancho Cucamonga');
    expect(cma.comps.length).toBeGreaterThanOrEqual(5);
    for (const used of cma.comps) expect(text).toContain(used.comp.address);
    expect(text).toContain('not an appraisal');
    expect(text).toContain(`$${cma.range.likely.toLocaleString('en-US')}`);
    expect(text).toContain(
      `$${cma.range.low.toLocaleString('en-US')} – $${cma.range.high.toLocaleString('en-US')}`,
    );
    expect(text).toContain('Your price of $1,250,000');
    expect(text).toContain('above the estimated range');
    expect(text).toContain('(909) 555-0100');
    expect(text).toMatch(/Market snapshot: Etiwanda \d+ homes sold in Etiwanda in the last 6 months/);
  });

  it('labels the facts that were estimated', async () => {
    const cma = cmaOf({ address: '12 Amethyst St, Alta Loma', beds: 3 });
    const text = await pdfText(await renderCmaPdf(cma, branding));
    const { beds, baths, sqft } = cma.subject;
    // The given fact stands alone; the estimated ones carry the label.
    expect(text).toContain(`BEDROOMS ${beds} BATHROOMS`);
    expect(text).toContain(`BATHROOMS ${baths} (estimated)`);
    expect(text).toContain(`LIVING AREA ${sqft.toLocaleString('en-US')} sq ft (estimated)`);
    expect(text).toContain('Move-in ready (estimated)');
    expect(text).not.toContain('Your price');
  });

  it('does not break on characters Helvetica cannot draw', async () => {
    const cma = cmaOf({ address: '7150 Calle Peñasco 🏡, Alta Loma 東京', beds: 3, sqft: 1600 });
    const pdf = await renderCmaPdf(cma, { ...branding, agentName: 'José Núñez ✨' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(2);
    const text = await pdfText(pdf);
    expect(text).toContain('7150 Calle Peñasco, Alta Loma ?');
    expect(text).toContain('José Núñez');
  });
});

describe('toWinAnsi', () => {
  it('keeps Spanish and Latin-1 text, folds other accents, and drops emoji', () => {
    expect(toWinAnsi('Peñasco – señora “Núñez”')).toBe('Peñasco – señora “Núñez”');
    expect(toWinAnsi('Dvořák Straße')).toBe('Dvorák Straße');
    expect(toWinAnsi('Casa 🏡, Alta Loma')).toBe('Casa, Alta Loma');
    expect(toWinAnsi('Casa 🏡 bonita 👍')).toBe('Casa bonita');
    expect(toWinAnsi('東京 Tower')).toBe('? Tower');
    expect(toWinAnsi('line\nbreak\ttab')).toBe('line break tab');
  });
});
