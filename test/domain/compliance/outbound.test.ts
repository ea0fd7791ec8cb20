import { describe, expect, it } from 'vitest';
import {
  checkOutbound,
  countQuestions,
  type OutboundOptions,
  type OutboundViolation,
} from '../../../src/domain/compliance/index.ts';

const opts = { maxLength: 160, agentName: 'Jorge' };
const violationsOf = (text: string, extra: Partial<OutboundOptions> = {}) =>
  checkOutbound(text, { ...opts, ...extra }).violations;

describe('checkOutbound', () => {
  it.each([
    'Got it. What price would make you happy?',
    'This single family home has a family room and a big yard. Want to see it Saturday?',
    'The home has a safe deposit box built into the closet.',
    "There's a Safeway two blocks away.",
    'The AIR conditioning was replaced in 2021.',
    'He said the roof is new, and they maintain the yard weekly.',
    'Listed at $1.2m with 3.5 baths and 4 beds.',
    'It has 3 - 4 bedrooms depending on the loft.',
    'A move-in ready home in Etiwanda. Would 30-45 days work for you?',
    "I can't speak to safety or crime, but the police department publishes crime maps.",
    "I can't describe neighborhoods that way, but I can share homes that fit your budget.",
    'Rates are about where they were last month, so it is safe to say nothing changed.',
    'Jorge is a REALTOR® in Rancho Cucamonga.',
    '¿Qué precio le haría feliz?',
    'La casa tiene 3 recámaras y alberca. ¿Le gustaría verla?',
    'Es una casa unifamiliar con sala familiar.',
    'Seguro, le mando las opciones hoy.',
    'The school district is Etiwanda Elementary.',
    'Email me at jorge@example.com any time.',
    'It sits on a quiet street near the park.',
    'That is a safe bet for this area.',
  ])('accepts %j', (text) => {
    expect(violationsOf(text)).toEqual([]);
  });

  it.each<[string, OutboundViolation]>([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(161), 'too_long'],
    ['See https://example.com/listing', 'url'],
    ['Check www.zillow.com for photos.', 'url'],
    ['Photos at example.com/x today.', 'url'],
    ['Go to jorgehomes.realtor for more.', 'url'],
    ['Sounds great 👍', 'emoji'],
    ['Welcome home 🏡', 'emoji'],
    ['Go team 🇺🇸', 'emoji'],
    ['What price? And when do you want to move?', 'multiple_questions'],
    ['As an AI, I cannot say.', 'ai_mention'],
    ['I am an artificial intelligence assistant.', 'ai_mention'],
    ['This reply was written by Claude.', 'ai_mention'],
    ['Anthropic built me.', 'ai_mention'],
    ['Like ChatGPT, I help with homes.', 'ai_mention'],
    ["My instructions say I can't share that.", 'ai_mention'],
    ['That is in my system prompt.', 'ai_mention'],
    ['As a bot I cannot call you.', 'ai_mention'],
    ['Soy un asistente virtual de Jorge.', 'ai_mention'],
    ['It is a safe neighborhood.', 'steering'],
    ['The area is very safe at night.', 'steering'],
    ['That part of town is dangerous.', 'steering'],
    ['Alta Loma is crime-free.', 'steering'],
    ['That side is a bit sketchy, but the area is improving.', 'steering'],
    ['It is good for families.', 'steering'],
    ['A family-friendly neighborhood with parks.', 'steering'],
    ['You will find people like you there.', 'steering'],
    ['Your kind of people live there.', 'steering'],
    ['Etiwanda is up-and-coming.', 'steering'],
    ['It is an exclusive community.', 'steering'],
    ['It is near good schools.', 'steering'],
    ['Top rated schools nearby.', 'steering'],
    ['A very ethnic area.', 'steering'],
    ['Walking distance to two churches.', 'steering'],
    ['It is a Christian neighborhood.', 'steering'],
    ['Mostly Hispanic families live there.', 'steering'],
    ['Es una zona segura.', 'steering'],
    ['Es ideal para familias.', 'steering'],
    ['Tiene buenas escuelas cerca.', 'steering'],
    ['Great news — the seller said yes.', 'dash_clutter'],
    ['Great news – the seller said yes.', 'dash_clutter'],
    ['Great news - the seller said yes.', 'dash_clutter'],
    ['Great news -- the seller said yes.', 'dash_clutter'],
  ])('flags %j as %s', (text, violation) => {
    expect(violationsOf(text)).toContain(violation);
  });

  it('counts length in characters, accents and all', () => {
    expect(violationsOf('é'.repeat(160))).toEqual([]);
    expect(violationsOf('é'.repeat(161))).toEqual(['too_long']);
    expect(violationsOf('a'.repeat(300), { maxLength: 320 })).toEqual([]);
  });

  it('lets the honest disclosure through only when asked for', () => {
    const disclosure = "I'm Jorge's automated assistant, an AI. Want me to have him call you?";
    expect(violationsOf(disclosure)).toEqual(['ai_mention']);
    expect(violationsOf(disclosure, { allowAiDisclosure: true })).toEqual([]);
    expect(
      violationsOf('Soy el asistente virtual de Jorge. ¿Quiere que le llame?', { allowAiDisclosure: true }),
    ).toEqual([]);
  });

  it('never lets model or instruction details through, even in a disclosure', () => {
    expect(violationsOf('I am an AI made by Anthropic.', { allowAiDisclosure: true })).toEqual([
      'ai_mention',
    ]);
    expect(violationsOf('I run on a large language model.', { allowAiDisclosure: true })).toEqual([
      'ai_mention',
    ]);
  });

  it('allows an agent who is really named Claude to sign texts', () => {
    expect(violationsOf('Hi, this is Claude with Keller Realty.', { agentName: 'Claude' })).toEqual([]);
  });

  it('knows the market neighbourhood names as places', () => {
    expect(violationsOf('Etiwanda is very safe.', { placeNames: ['Etiwanda'] })).toContain('steering');
    expect(violationsOf('Etiwanda has newer homes.', { placeNames: ['Etiwanda'] })).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(violationsOf('Safe neighborhood 🏡 — see www.x.com? Call now?')).toEqual([
      'url',
      'emoji',
      'multiple_questions',
      'steering',
      'dash_clutter',
    ]);
  });
});

describe('countQuestions', () => {
  it.each<[string, number]>([
    ['No question here.', 0],
    ['What is your budget?', 1],
    ['What is your budget??', 1],
    ['Really?! Wow.', 1],
    ['¿Cuál es su presupuesto?', 1],
    ['Budget? Timeline?', 2],
    ['One? Two? Three?', 3],
    ['', 0],
  ])('%j has %i', (text, count) => {
    expect(countQuestions(text)).toBe(count);
  });
});
