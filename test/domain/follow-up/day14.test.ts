import { describe, expect, it } from 'vitest';
import { composeFollowUp, type FollowUpContext } from '../../../src/domain/follow-up/index.ts';

const ADDRESS = '6842 Etiwanda Ave, Rancho Cucamonga';
const FACT = { area: 'Etiwanda', medianPrice: 845_000, medianDaysOnMarket: 21, sales: 34, months: 6 };
const HOMES = [
  { address: '12 Vintage Dr, Rancho Cucamonga', price: 589_000, beds: 3, baths: 2, neighborhood: 'Etiwanda' },
  {
    address: '7781 Banyan St, Rancho Cucamonga',
    price: 615_000,
    beds: 3,
    baths: 2.5,
    neighborhood: 'Victoria',
  },
  {
    address: '9012 Base Line Rd, Rancho Cucamonga',
    price: 640_000,
    beds: 4,
    baths: 2,
    neighborhood: 'Alta Loma',
  },
  {
    address: '5560 Carnelian St, Rancho Cucamonga',
    price: 655_000,
    beds: 3,
    baths: 2,
    neighborhood: 'Alta Loma',
  },
  {
    address: '11820 Terra Vista Pkwy, Rancho Cucamonga',
    price: 668_000,
    beds: 3,
    baths: 3,
    neighborhood: 'Terra Vista',
  },
  {
    address: '6231 Haven Ave, Rancho Cucamonga',
    price: 699_000,
    beds: 4,
    baths: 3,
    neighborhood: 'Central Park',
  },
];

type Over = { [K in keyof FollowUpContext]?: FollowUpContext[K] | undefined };

function ctx(over: Over = {}): FollowUpContext {
  const merged: Record<string, unknown> = {
    lang: 'en',
    bot: 'seller',
    temperature: 'hot',
    agentName: 'Jorge',
    firstName: 'Maria',
    area: 'Etiwanda',
    marketFact: FACT,
    hasEmail: true,
    address: ADDRESS,
    cma: { low: 820_000, likely: 845_000, high: 870_000 },
    today: '2026-05-14',
    ...over,
  };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as unknown as FollowUpContext;
}

describe('day 14 for sellers and leads', () => {
  it('a seller with an address, a CMA and an email gets the CMA email', () => {
    const m = composeFollowUp('day14', ctx());
    expect(m.kind).toBe('cma_email');
    if (m.kind !== 'cma_email') return;
    expect(m.subject).toBe('Your Comparative Market Analysis for 6842 Etiwanda Ave, Rancho Cucamonga');
    expect(m.attachmentName).toBe('CMA_6842-Etiwanda-Ave-Rancho-Cucamonga_2026-05-14.pdf');
    for (const body of [m.text, m.html]) {
      expect(body).toContain('$820,000');
      expect(body).toContain('$845,000');
      expect(body).toContain('$870,000');
      expect(body).toContain('attached as a PDF');
      expect(body).toContain('not an appraisal');
    }
    expect(m.text).toContain('In Etiwanda, homes sold for a median $845,000 over the last 6 months');
  });

  it('a lead with an address gets it too, and a Spanish speaker gets it in Spanish', () => {
    expect(composeFollowUp('day14', ctx({ bot: 'lead' })).kind).toBe('cma_email');
    const es = composeFollowUp('day14', ctx({ lang: 'es' }));
    if (es.kind !== 'cma_email') throw new Error(es.kind);
    expect(es.subject).toBe('Su análisis comparativo de mercado para 6842 Etiwanda Ave, Rancho Cucamonga');
    expect(es.attachmentName).toBe('CMA_6842-Etiwanda-Ave-Rancho-Cucamonga_2026-05-14.pdf');
    expect(es.text).toMatch(/^Hola Maria,/);
    expect(es.text).toContain('No es un avalúo.');
    expect(es.html).toContain('lang="es"');
  });

  it('no email on file: a text with the value range offering to email the report', () => {
    const m = composeFollowUp('day14', ctx({ hasEmail: false }));
    if (m.kind !== 'sms') throw new Error(m.kind);
    expect(m.body).toContain('$820k to $870k');
    expect(m.body).toMatch(/email you the full report\?$/);
    const es = composeFollowUp('day14', ctx({ hasEmail: false, lang: 'es' }));
    expect(es.kind === 'sms' && es.body).toMatch(/entre \$820k y \$870k.*por correo\?$/);
  });

  it('no property address: the step asks for it', () => {
    for (const bot of ['seller', 'lead'] as const) {
      const m = composeFollowUp('day14', ctx({ bot, address: undefined, cma: undefined }));
      if (m.kind !== 'sms') throw new Error(m.kind);
      expect(m.body).toMatch(/What is the property address\?$/);
    }
    const es = composeFollowUp('day14', ctx({ address: '  ', lang: 'es' }));
    expect(es.kind === 'sms' && es.body).toMatch(/¿Cuál es la dirección de la propiedad\?$/);
  });

  it('an address but no CMA: a text offering a call and a task to prepare one by hand', () => {
    const m = composeFollowUp('day14', ctx({ cma: undefined }));
    if (m.kind !== 'sms') throw new Error(m.kind);
    expect(m.body).toContain('quick call');
    expect(m.task?.title).toBe(`Prepare a CMA by hand for ${ADDRESS}`);
  });
});

describe('day 14 for buyers', () => {
  it('with an email and matches: an email listing the homes that fit', () => {
    const m = composeFollowUp('day14', ctx({ bot: 'buyer', matchesList: HOMES, matches: { total: 9 } }));
    if (m.kind !== 'matches_email') throw new Error(m.kind);
    expect(m.subject).toBe('9 homes that fit your search');
    expect(m.text).toContain('1. 12 Vintage Dr, Rancho Cucamonga, Etiwanda: $589,000, 3 bd, 2 ba');
    expect(m.text).toContain('5. 11820 Terra Vista Pkwy');
    expect(m.text).not.toContain('6231 Haven Ave');
    expect(m.text).toContain('There are 4 more that fit.');
    expect(m.html).toContain('$589,000');
  });

  it('in Spanish', () => {
    const m = composeFollowUp('day14', ctx({ bot: 'buyer', lang: 'es', matchesList: HOMES.slice(0, 1) }));
    if (m.kind !== 'matches_email') throw new Error(m.kind);
    expect(m.subject).toBe('Una casa que se ajusta a su búsqueda');
    expect(m.text).toContain('12 Vintage Dr, Rancho Cucamonga, Etiwanda: $589,000, 3 rec., 2 baños');
  });

  it('without an email: a text with the count and the best home, asking for an email', () => {
    const m = composeFollowUp(
      'day14',
      ctx({ bot: 'buyer', hasEmail: false, matches: { total: 4, best: 'a 3 bed in Etiwanda at $589k' } }),
    );
    if (m.kind !== 'sms') throw new Error(m.kind);
    expect(m.body).toContain('4 homes fit what you told me, the best is a 3 bed in Etiwanda at $589k.');
    expect(m.body).toContain('Reply with your email');
  });

  it('nothing fits yet: a text asking whether the search changed', () => {
    const m = composeFollowUp('day14', ctx({ bot: 'buyer', matches: { total: 0 }, matchesList: [] }));
    expect(m.kind === 'sms' && m.body).toMatch(/Has anything changed in what you are looking for\?$/);
  });
});
