import { describe, expect, it } from 'vitest';
import { checkOutbound, countQuestions, sanitizeOutbound } from '../../../src/domain/compliance/index.ts';

const opts = { maxLength: 160, agentName: 'Jorge' };

describe('sanitizeOutbound', () => {
  it.each<[string, string]>([
    ['Sounds great 👍 talk soon', 'Sounds great talk soon'],
    ['Welcome home 🏡🎉!', 'Welcome home!'],
    ['Thumbs up 👍🏽 from us', 'Thumbs up from us'],
    ['Great news — the seller accepted.', 'Great news, the seller accepted.'],
    ['Great news – the seller accepted.', 'Great news, the seller accepted.'],
    ['Great news - the seller accepted.', 'Great news, the seller accepted.'],
    ['Great news -- the seller accepted.', 'Great news, the seller accepted.'],
    ['It has 3–4 beds.', 'It has 3-4 beds.'],
    ['A move-in ready home.', 'A move-in ready home.'],
    ['Hi  there ,  how   are you?', 'Hi there, how are you?'],
    ['What is your budget? And your timeline?', 'What is your budget?'],
    ['Got it. What is your budget? When do you move? Thanks!', 'Got it. What is your budget? Thanks!'],
    ['Listed at $1.2m with 3.5 baths. Want a tour?', 'Listed at $1.2m with 3.5 baths. Want a tour?'],
    ['¿Cuál es su presupuesto? ¿Y cuándo se muda?', '¿Cuál es su presupuesto?'],
    ['Jorge is a REALTOR® here.', 'Jorge is a REALTOR® here.'],
  ])('%j → %j', (input, output) => {
    expect(sanitizeOutbound(input, opts)).toBe(output);
  });

  it('keeps the question when trimming a long reply', () => {
    const long =
      "Thanks for all of those details on the house, that really helps me understand where you're at. " +
      'I know selling is a big decision and there is a lot to think about with a move. ' +
      'What price would make you happy?';
    const result = sanitizeOutbound(long, opts);
    expect(result.length).toBeLessThanOrEqual(160);
    expect(result).toMatch(/What price would make you happy\?$/);
    expect(result.startsWith('Thanks for all of those details')).toBe(true);
  });

  it('cuts a single run-on sentence at a word boundary', () => {
    const result = sanitizeOutbound(`${'word '.repeat(60)}end`, opts);
    expect(result.length).toBeLessThanOrEqual(160);
    expect(result).toMatch(/word\.$/);
  });

  it('does not end a cut sentence on a connector', () => {
    const result = sanitizeOutbound(`${'going and '.repeat(30)}done`, { maxLength: 50 });
    expect(result).toMatch(/going\.$/);
  });

  it('respects a larger configured limit', () => {
    const text = `${'Sentence number one is here. '.repeat(10)}Ready?`;
    expect(sanitizeOutbound(text, { maxLength: 320 }).length).toBeLessThanOrEqual(320);
    expect(sanitizeOutbound(text, { maxLength: 320 })).toMatch(/Ready\?$/);
  });

  it('keeps line breaks for numbered options', () => {
    expect(sanitizeOutbound('Pick one:\n1) Tue 10am\n2) Wed 2pm', opts)).toBe(
      'Pick one:\n1) Tue 10am\n2) Wed 2pm',
    );
  });

  it('leaves text that is already fine untouched', () => {
    const fine = 'Got it, thanks. Would selling within 30-45 days work for you?';
    expect(sanitizeOutbound(fine, opts)).toBe(fine);
  });

  it.each([
    'Hey!! 😀 So — quick one: what is your budget? And are you pre-approved? Also when do you want to move? Thanks so much for your time today, I really appreciate it and look forward to helping you find the right home.',
    '🏡🏡🏡 – – – ???',
    'Mil gracias 🙏 — ¿le gustaría verla el sábado? ¿O prefiere el domingo?',
  ])('output passes the mechanical checks for %j', (input) => {
    const output = sanitizeOutbound(input, opts);
    const mechanical = checkOutbound(output, opts).violations.filter((violation) =>
      ['too_long', 'emoji', 'multiple_questions', 'dash_clutter'].includes(violation),
    );
    expect(mechanical).toEqual([]);
    expect(countQuestions(output)).toBeLessThanOrEqual(1);
  });

  it('does not repair steering, AI mentions or URLs (callers fall back to a template)', () => {
    const output = sanitizeOutbound('As an AI I think it is a safe neighborhood, see www.x.com', opts);
    expect(checkOutbound(output, opts).violations).toEqual(
      expect.arrayContaining(['ai_mention', 'steering', 'url']),
    );
  });
});
