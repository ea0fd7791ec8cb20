import { describe, expect, it } from 'vitest';
import { classifyAiQuestion } from '../../src/domain/compliance/ai-question.ts';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { detectOptIn } from '../../src/domain/compliance/opt-out.ts';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind } from '../../src/domain/understand/types.ts';
import { converse } from '../support/converse.ts';

// What leads texted in the ninth development split (eval/corpus/*-dev9.jsonl), as a realtor would
// want each one taken.
const read = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null) =>
  readUtterance(text, { bot, lastQuestion, now: new Date('2026-12-04T18:00:00Z') });

describe('keywords in everyday words', () => {
  it.each([
    'how do i make these texts go away',
    "I'm blocking this number",
    "¿cómo le hago pa' que ya no me lleguen estos mensajes?",
    "I'll be calling my attorney if I get one more of these",
    'déjenme de mandar mensajes',
  ])('%j is an opt-out', (text) => {
    expect(readKeywords(text)).toEqual(['STOP']);
  });

  it('a stop taken back in the same message is neither an opt-out nor a START', () => {
    expect(readKeywords("stop. actually wait no, I do want to know what it's worth")).toEqual([]);
    expect(readKeywords('stop')).toEqual(['STOP']);
  });

  it('HELP with "I have no idea what this is about"', () => {
    expect(readKeywords('help I have no idea what this is about')).toEqual(['HELP']);
  });

  it.each([
    'me equivoqué al poner alto, sí quiero los mensajes',
    'alta otra vez porfa',
    'wait sorry I hit that by accident. my wife wants to sell',
  ])('%j gives consent back', (text) => {
    expect(detectOptIn(text, { strict: true })).toBe(true);
  });

  it('a STOP hit by accident, then the reasons, qualifies the seller again', () => {
    const turns = converse(
      [
        'STOP',
        'wait sorry I hit that by accident. my wife wants to sell',
        "we're moving closer to her parents in Texas",
      ],
      [],
    );
    expect(turns[1]?.actions).toContainEqual({ type: 'set_contact', optedOut: false });
    expect(turns[2]?.reply).toMatch(/\?$/);
    expect(turns[2]?.state.facts.motivation).toBe('relocation');
  });
});

describe('questions back', () => {
  it.each([
    ['no, do we need to be before we look at houses?', 'buyer', 'preapproval', 'preapproval_needed'],
    ['and do buyers pay Jorge or does the seller?', 'buyer', 'budget', 'fees_commission'],
    ['perdón, ¿se puede cambiar pal miércoles?', 'buyer', null, 'reschedule'],
    ['just curious what homes are going for around here', 'lead', null, 'market'],
    ['how long does it take to sell a house around here right now', 'seller', null, 'market'],
    ['oiga y mi número quién se lo dio', 'seller', null, 'how_got_number'],
    ['does jorge come to the house or do we go to his office?', 'seller', null, 'process'],
    [
      'can we go see a couple places before we do the whole lender thing?',
      'buyer',
      null,
      'preapproval_needed',
    ],
    ["what form? I didn't fill anything out", 'seller', null, 'how_got_number'],
    ['jorge who? 🤔', 'seller', null, 'identity'],
    ['sí, estamos interesados, ¿qué sigue?', 'seller', null, 'process'],
    ['if I sign with you and change my mind can I get out of it?', 'seller', null, 'cancel'],
  ] as const)('%j asks about %s', (text, bot, lastQuestion, topic) => {
    const questions = read(text, bot, lastQuestion).acts.filter((a) => a.act === 'question');
    expect(questions).toEqual([{ act: 'question', topic }]);
  });

  it('sincere bot-or-human questions in short forms', () => {
    expect(classifyAiQuestion('u a real person or AI?')).toBe('sincere');
    expect(classifyAiQuestion('¿es un robot el que me escribe?')).toBe('sincere');
    expect(classifyAiQuestion('u a real estate agent?')).toBeNull();
  });
});

describe('objections', () => {
  it.each([
    ["my cousin's a realtor so I'm good", 'has_agent'],
    ['already bought thru another agent, sorry', 'already_bought'],
    ["this is Brandon's phone, he passed away in September. please update your records", 'wrong_number'],
    ['we have to cancel, we put an offer on another house', 'already_bought'],
    ['no ocupo nada, gracias', 'not_interested'],
    ['yo no pedí nada de esto', 'stop_texting'],
  ] as const)('%j is %s', (text, type) => {
    const objections = read(text, 'lead', null).acts.filter((a) => a.act === 'objection');
    expect(objections).toEqual([{ act: 'objection', type }]);
  });

  it('"neither of those times work" is no objection', () => {
    expect(
      read('neither of those times work', 'seller', 'appointment').acts.some((a) => a.act === 'objection'),
    ).toBe(false);
  });
});

describe('everyday answers', () => {
  it.each([
    ['no big reason, we just feel like a change of scenery', 'other'],
    ["my commute to downtown LA is 2 hrs each way and I'm over it", 'other'],
    ["my wife got the job at Kaiser in Fontana so we're moving closer", 'job'],
    ['le salió un jale a mi esposo en Texas y nos tenemos que ir', 'job'],
    ["sell, we're moving up to oregon", 'relocation'],
    ['vender, ya nos queremos ir de California', 'relocation'],
  ] as const)('%j is moved by %s', (text, motivation) => {
    expect(read(text, 'seller', 'motivation').slots.motivation).toBe(motivation);
  });

  it('a commute in hours is no street address', () => {
    expect(
      read("my commute to downtown LA is 2 hrs each way and I'm over it", 'seller', null).slots.address,
    ).toBe(undefined);
  });

  it('buyers', () => {
    expect(read('comprar, mi esposa y yo estamos esperando bebé 👶', 'lead', null).slots).toMatchObject({
      intent: 'buy',
      motivation: 'upsizing',
    });
    expect(read('comprar una casa pa rentarla', 'lead', null).slots.motivation).toBe('investment');
    expect(read('ayúdenos a encontrar casa en Chino porfa', 'lead', null).slots.intent).toBe('buy');
    expect(read('looking to pick up a rental property', 'lead', null).slots.intent).toBe('buy');
    expect(read('before the baby comes in may', 'buyer', 'timeline').slots.timeline_months).toBe(5);
    expect(
      read('el banco nos aprobó 700 pero no queremos pasar de 615', 'buyer', 'budget').slots,
    ).toMatchObject({
      preapproved: true,
      budget_max: 615_000,
    });
    expect(read("credit's bad rn, working on fixing it", 'buyer', 'preapproval').slots.preapproved).toBe(
      false,
    );
  });

  it('a house as good as new is excellent', () => {
    expect(read('basically new, we built it in 2021', 'seller', 'condition').slots.condition).toBe(
      'excellent',
    );
    expect(
      read('para nada está mal, la casa está en perfectas condiciones', 'seller', 'condition').slots
        .condition,
    ).toBe('excellent');
  });
});

describe('whole conversations from the ninth split', () => {
  it('a seller who bought first is moved by the purchase and is offered the visit', () => {
    const turns = converse(
      [
        'omg perfect timing!! we just went into contract on a house in Eastvale so we need to sell ours in Ontario ASAP',
        "it's like new, we remodeled the whole inside 2 yrs ago. thinking 725-750",
        'can Jorge come this weekend? saturday anytime',
      ],
      ['Seller-Lead'],
    );
    expect(turns[0]?.state.facts.motivation).toBe('bought_another');
    expect(turns[0]?.state.facts.areas).toContain('Ontario');
    expect(turns[1]?.state.stage).toBe('scheduling');
    expect(turns[2]?.reply).toMatch(/Jorge will confirm the exact time/);
  });

  it('a word in capitals for emphasis is no anger', () => {
    const turns = converse(
      [
        'we had a fire in march and the house is basically unlivable. insurance has been a nightmare',
        "asap, we're paying rent AND the mortgage right now",
      ],
      ['Seller-Lead'],
    );
    expect(turns[1]?.escalation).toBeNull();
    expect(turns[1]?.reply).toMatch(/\?$/);
  });

  it('a lender sent alone, and a letter not had yet', () => {
    expect(read('Navy Federal', 'buyer', 'area').slots.lender).toBe('Navy Federal');
    expect(
      read('todavía no tenemos la carta, ¿la necesitamos?', 'buyer', 'preapproval').slots.preapproved,
    ).toBe(false);
    expect(
      read('it needs a lot. roof, plumbing, everything is from the 60s', 'seller', 'condition').slots
        .condition,
    ).toBe('needs_work');
  });
});

it('"can Jorge come this weekend?" asks for a meeting', () => {
  const turns = converse(
    ['we might sell in the spring', 'can Jorge come this weekend? saturday anytime'],
    ['Seller-Lead'],
  );
  expect(turns[0]?.state.stage).toBe('qualifying');
  expect(turns[1]?.state.stage).not.toBe('qualifying');
});

describe('selling and buying in one message', () => {
  it('"Rancho" sent alone is the area, whatever was asked', () => {
    expect(read('Rancho', 'buyer', 'preapproval').slots.area).toBe('Rancho Cucamonga');
    expect(read('el rancho de mi tio', 'buyer', 'preapproval').slots.area).toBeUndefined();
  });

  it('a lead selling and buying within three months is hot', () => {
    const turns = converse(['both, we need to sell our townhouse in Upland to buy a house', 'asap'], []);
    expect(turns[1]?.state.temperature).toBe('hot');
    expect(turns[1]?.actions).toContainEqual({ type: 'add_tags', tags: ['Hot-Lead'] });
  });
});

it('a place corrected away leaves the areas', () => {
  const turns = converse(['rancho', 'no wait, upland, rancho is too pricey'], ['Buyer-Lead']);
  expect(turns[1]?.state.facts.areas).toEqual(['Upland']);
  expect(converse(['perdón, buscamos en Fontana o Rialto'], ['Buyer-Lead'])[0]?.state.facts.areas).toEqual([
    'Fontana',
    'Rialto',
  ]);
});

it.each(['2', 'the tuesday one', 'la primera opción', 'option 2 please'])(
  '%j, right after times are offered, takes one of them',
  (text) => {
    expect(read(text, 'seller', 'appointment').acts).toEqual([{ act: 'scheduling', kind: 'confirm' }]);
  },
);

it('"2" to the price question is a price, and "2 bedrooms" at the offer is rooms', () => {
  expect(read('2', 'seller', 'price').acts).not.toContainEqual({ act: 'scheduling', kind: 'confirm' });
  expect(read('2 bedrooms', 'buyer', 'appointment').acts).not.toContainEqual({
    act: 'scheduling',
    kind: 'confirm',
  });
});
