import { describe, expect, it } from 'vitest';
import { checkOutbound } from '../../../src/domain/compliance/index.ts';
import type { BotName, Temperature } from '../../../src/domain/conversation.ts';
import {
  composeFollowUp,
  FOLLOW_UP_STEPS,
  type FollowUpContext,
  type FollowUpMessage,
} from '../../../src/domain/follow-up/index.ts';
import { defaultNeighborhoods } from '../../../src/domain/language/index.ts';

const BOTS: BotName[] = ['lead', 'seller', 'buyer'];
const TEMPERATURES: (Temperature | null)[] = ['hot', 'warm', 'cold', null];
const LANGS = ['en', 'es'] as const;
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
];

/** Overrides; `undefined` removes a field, as when the contact never gave it. */
type Over = { [K in keyof FollowUpContext]?: FollowUpContext[K] | undefined };

function base(over: Over = {}): FollowUpContext {
  const merged: Record<string, unknown> = {
    lang: 'en',
    bot: 'seller',
    temperature: 'warm',
    agentName: 'Jorge',
    firstName: 'Maria',
    area: 'Etiwanda',
    marketFact: FACT,
    hasEmail: true,
    address: ADDRESS,
    cma: { low: 820_000, likely: 845_000, high: 870_000 },
    matches: { total: 4, best: 'a 3 bed in Etiwanda at $589k' },
    matchesList: HOMES,
    today: '2026-05-14',
    ...over,
  };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged as unknown as FollowUpContext;
}

// The contexts that change which wording is used, including the ones that push a text's length.
const SHAPES: Over[] = [
  {},
  { hasEmail: false },
  { address: undefined },
  { cma: undefined, hasEmail: false },
  { cma: undefined },
  { marketFact: undefined, matches: { total: 0 }, matchesList: [] },
  { matches: { total: 1, best: 'a 4 bed in Victoria at $720k' }, hasEmail: false, matchesList: [] },
  { firstName: undefined },
  { firstName: 'Maximiliana', agentName: 'Jorge Salazar' },
  { firstName: 'https://x.co' },
  {
    hasEmail: false,
    address: '10450 Haven View Estates Lane Unit 2, Rancho Cucamonga, CA 91737',
    area: 'Haven View Estates',
    marketFact: { ...FACT, area: 'Haven View Estates', months: 1, medianPrice: 1_250_000 },
    matches: { total: 12, best: 'a 5 bed townhome in Haven View Estates at $1.25M' },
  },
];

function allSms(): { label: string; ctx: FollowUpContext; message: FollowUpMessage & { kind: 'sms' } }[] {
  const out: { label: string; ctx: FollowUpContext; message: FollowUpMessage & { kind: 'sms' } }[] = [];
  for (const lang of LANGS)
    for (const bot of BOTS)
      for (const temperature of TEMPERATURES)
        SHAPES.forEach((shape, i) => {
          const ctx = base({ lang, bot, temperature, ...shape });
          for (const step of FOLLOW_UP_STEPS) {
            const message = composeFollowUp(step, ctx);
            if (message.kind === 'sms')
              out.push({ label: `${lang}/${bot}/${temperature}/${step}/#${i}`, ctx, message });
          }
        });
  return out;
}

describe('every follow-up text', () => {
  const texts = allSms();

  it('covers every step, bot, temperature and language', () => {
    const seen = new Set(texts.map((t) => t.label.split('/#')[0]));
    expect(seen.size).toBe(LANGS.length * BOTS.length * TEMPERATURES.length * FOLLOW_UP_STEPS.length);
  });

  it('passes the outbound rules: 160 chars, one question, no links, emoji, dashes, AI talk or steering', () => {
    const failures = texts.flatMap(({ label, ctx, message }) => {
      const check = checkOutbound(message.body, {
        maxLength: 160,
        agentName: ctx.agentName,
        placeNames: defaultNeighborhoods,
      });
      return check.ok ? [] : [`${label}: ${check.violations.join(',')}: ${message.body}`];
    });
    expect(failures).toEqual([]);
    for (const { message } of texts) {
      expect([...message.body].length).toBeLessThanOrEqual(160);
      expect(message.body).not.toMatch(/[\u2013\u2014]/);
      expect(message.body).not.toMatch(/https?:|www\.|x\.co/i);
    }
  });

  it('Spanish texts are written in Spanish', () => {
    for (const { label, message } of texts.filter((t) => t.ctx.lang === 'es')) {
      expect(message.body, label).toMatch(/\b(hola|soy|su|usted|le|casas?|ventas?)\b/i);
      expect(message.body, label).not.toMatch(/\b(hi|the|your|you|homes|here|want|should)\b/i);
    }
    for (const { label, message } of texts.filter((t) => t.ctx.lang === 'en')) {
      expect(message.body, label).not.toMatch(/\b(hola|usted|casas)\b/i);
    }
  });

  it('greets by first name and signs as the agent when it fits', () => {
    const m = composeFollowUp('day3', base());
    expect(m.kind === 'sms' && m.body.startsWith("Hi Maria, Jorge's assistant here.")).toBe(true);
    const es = composeFollowUp('day3', base({ lang: 'es' }));
    expect(es.kind === 'sms' && es.body.startsWith('Hola Maria, le escribe el equipo de Jorge.')).toBe(true);
    const odd = composeFollowUp('day3', base({ firstName: 'https://x.co' }));
    expect(odd.kind === 'sms' && odd.body.startsWith("Hi, Jorge's assistant here.")).toBe(true);
  });
});

const sms = (m: FollowUpMessage) => {
  if (m.kind !== 'sms') throw new Error(`expected a text, got ${m.kind}`);
  return m;
};

describe('day 3 check-in', () => {
  it('reads differently for a hot seller and a cold buyer', () => {
    const hotSeller = sms(composeFollowUp('day3', base({ bot: 'seller', temperature: 'hot' }))).body;
    const coldBuyer = sms(composeFollowUp('day3', base({ bot: 'buyer', temperature: 'cold' }))).body;
    expect(hotSeller).toMatch(/sell/i);
    expect(hotSeller).toMatch(/this week/);
    expect(coldBuyer).toMatch(/no rush/);
    expect(coldBuyer).toMatch(/homes/);
    expect(coldBuyer).not.toMatch(/this week/);
  });

  it('hot leads get a concrete next step and cold ones no pressure, in both languages', () => {
    for (const bot of BOTS) {
      expect(sms(composeFollowUp('day3', base({ bot, temperature: 'hot' }))).body).toMatch(/this week/);
      expect(sms(composeFollowUp('day3', base({ bot, temperature: 'cold' }))).body).toMatch(/no rush/);
      expect(sms(composeFollowUp('day3', base({ bot, temperature: 'hot', lang: 'es' }))).body).toMatch(
        /esta semana/,
      );
      expect(sms(composeFollowUp('day3', base({ bot, temperature: 'cold', lang: 'es' }))).body).toMatch(
        /sin ninguna prisa/,
      );
    }
  });

  it('a lead with no temperature yet gets the warm wording', () => {
    expect(composeFollowUp('day3', base({ temperature: null }))).toEqual(composeFollowUp('day3', base()));
  });
});

describe('day 7 market fact', () => {
  it('quotes one concrete figure for their area and creates a call task', () => {
    const m = sms(composeFollowUp('day7', base()));
    expect(m.body).toContain(
      'Homes in Etiwanda sold for a median $845k over the last 6 months, in about 21 days.',
    );
    expect(m.task?.title).toBe('Call Maria: day 7 follow-up');
    expect(m.task?.body).toContain('$845,000');
    expect(m.task?.body).toContain(m.body);
  });

  it('says it in Spanish for a Spanish speaker and tells the agent', () => {
    const m = sms(composeFollowUp('day7', base({ lang: 'es', bot: 'buyer' })));
    expect(m.body).toContain(
      'En Etiwanda, la venta mediana fue de $845k en los últimos 6 meses, en unos 21 días.',
    );
    expect(m.task?.body).toContain('prefers Spanish');
  });

  it('does not quote a figure from too few sales, and still asks the agent to call', () => {
    const m = sms(composeFollowUp('day7', base({ marketFact: { ...FACT, sales: 2 } })));
    expect(m.body).not.toContain('$845k');
    expect(m.task?.title).toMatch(/^Call /);
    expect(m.task?.body).not.toContain('Figure shared');
  });

  it('a one-month figure reads naturally', () => {
    const m = sms(composeFollowUp('day7', base({ marketFact: { ...FACT, months: 1 } })));
    expect(m.body).toContain('over the last month,');
  });
});

describe('day 30 last text', () => {
  it('offers to close the file, without pressure', () => {
    for (const bot of BOTS) {
      expect(sms(composeFollowUp('day30', base({ bot }))).body).toContain(
        'Should I close your file for now, or keep you posted?',
      );
      expect(sms(composeFollowUp('day30', base({ bot, lang: 'es' }))).body).toContain(
        '¿Cierro su expediente por ahora, o le sigo informando?',
      );
    }
  });
});
