import { describe, expect, it } from 'vitest';
import { loadComps } from '../../src/adapters/comps/load-comps.ts';
import { renderCmaPdf } from '../../src/adapters/pdf/cma-pdf.ts';
import {
  CMA_CACHE_TTL_MS,
  CmaPdfError,
  createCmaCache,
  type GenerateCmaDeps,
  generateCma,
} from '../../src/app/follow-ups/generate-cma.ts';
import type { Cma } from '../../src/domain/cma/types.ts';

const { comps, dataVersion } = loadComps();
const branding = { agentName: 'Jorge', market: 'Rancho Cucamonga, CA' };
const DAY = 24 * 60 * 60 * 1000;

function setup(over: Partial<GenerateCmaDeps> = {}) {
  let now = new Date('2026-11-24T18:00:00Z');
  const renders: Cma[] = [];
  const deps: GenerateCmaDeps = {
    data: { comps, dataVersion },
    render: (cma) => {
      renders.push(cma);
      return renderCmaPdf(cma, branding);
    },
    clock: { now: () => now },
    timezone: 'America/Los_Angeles',
    cache: createCmaCache(),
    ...over,
  };
  return {
    deps,
    renders,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const subject = { address: '6842 Etiwanda Ave, Rancho Cucamonga', beds: 4, sqft: 2100 };

async function ok(p: ReturnType<typeof generateCma>) {
  const r = await p;
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r;
}

describe('generateCma', () => {
  it('returns the analysis and its PDF, dated in the configured time zone', async () => {
    const { deps } = setup();
    const r = await ok(generateCma(deps, subject));
    expect(r.cached).toBe(false);
    expect(r.dataVersion).toBe(dataVersion);
    expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.cma.asOf).toBe('2026-11-24');
    expect(r.cma.range.low).toBeLessThan(r.cma.range.high);
  });

  it('serves the same report again within 7 days without rendering', async () => {
    const { deps, renders, advance } = setup();
    const first = await ok(generateCma(deps, subject));
    advance(6 * DAY);
    const again = await ok(
      generateCma(deps, { ...subject, address: '6842 ETIWANDA AVENUE,  Rancho Cucamonga' }),
    );
    expect(again.cached).toBe(true);
    expect(again.pdf).toBe(first.pdf);
    expect(again.cma.asOf).toBe('2026-11-24');
    expect(renders).toHaveLength(1);
  });

  it('renders again after 7 days', async () => {
    const { deps, renders, advance } = setup();
    await ok(generateCma(deps, subject));
    advance(CMA_CACHE_TTL_MS);
    const later = await ok(generateCma(deps, subject));
    expect(later.cached).toBe(false);
    expect(later.cma.asOf).toBe('2026-12-01');
    expect(renders).toHaveLength(2);
  });

  it('renders again for a new comps file or different facts', async () => {
    const cache = createCmaCache();
    const a = setup({ cache });
    await ok(generateCma(a.deps, subject));
    const b = setup({ cache, data: { comps, dataVersion: 'aaaaaaaaaaaa' } });
    const newData = await ok(generateCma(b.deps, subject));
    expect(newData.cached).toBe(false);
    expect(b.renders).toHaveLength(1);
    const moreFacts = await ok(generateCma(a.deps, { ...subject, condition: 'needs_major_work' }));
    expect(moreFacts.cached).toBe(false);
    expect(a.renders).toHaveLength(2);
  });

  it('forgets the least recently used report when full', async () => {
    const { deps, renders } = setup({ cache: createCmaCache({ maxEntries: 2 }) });
    await ok(generateCma(deps, { ...subject, sqft: 2000 }));
    await ok(generateCma(deps, { ...subject, sqft: 2100 }));
    await ok(generateCma(deps, { ...subject, sqft: 2000 })); // hit: now the most recent
    await ok(generateCma(deps, { ...subject, sqft: 2200 })); // evicts 2100
    expect((await ok(generateCma(deps, { ...subject, sqft: 2000 }))).cached).toBe(true);
    expect((await ok(generateCma(deps, { ...subject, sqft: 2100 }))).cached).toBe(false);
    expect(renders).toHaveLength(4);
  });

  it('keeps the figures when the PDF fails, and does not cache the failure', async () => {
    let fail = true;
    const { deps, renders } = setup();
    const flaky: GenerateCmaDeps = {
      ...deps,
      render: (cma) => (fail ? Promise.reject(new Error('disk full')) : deps.render(cma)),
    };
    const err = await generateCma(flaky, subject).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CmaPdfError);
    expect((err as CmaPdfError).cma.range.likely).toBeGreaterThan(0);
    expect((err as CmaPdfError).message).toContain('disk full');
    fail = false;
    const retry = await ok(generateCma(flaky, subject));
    expect(retry.cached).toBe(false);
    expect(renders).toHaveLength(1);
  });

  it('answers invalid facts without rendering', async () => {
    const { deps, renders } = setup();
    const r = await generateCma(deps, { address: '1 A St', sqft: -5 });
    expect(r).toMatchObject({ ok: false, reason: 'invalid_subject' });
    expect(renders).toHaveLength(0);
  });
});
