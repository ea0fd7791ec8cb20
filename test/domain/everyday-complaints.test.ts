import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import type { Act, AskedQuestion, BotKind } from '../../src/domain/understand/types.ts';
import { actLabel } from '../../eval/lib/corpus.ts';
import { converse } from '../support/converse.ts';

// Opt-outs, complaints about the texts, scorn, "not for years" and a called-off showing, in the
// plain words leads use. Written in our own words, not copied from the corpus.

const NOW = new Date('2026-12-04T18:00:00Z');
const read = (text: string, bot: BotKind = 'seller', lastQuestion: AskedQuestion | null = null) =>
  readUtterance(text, { bot, lastQuestion, now: NOW });
const labels = (acts: readonly Act[]) => acts.map(actLabel);

describe('keywords in everyday words', () => {
  it.each([
    ['pls s t o p', 'STOP'],
    ['we are handling it, do not reach out to us again', 'STOP'],
    ['take our names off your list', 'STOP'],
    ['I revoke my consent', 'STOP'],
    ['ayuda? de qué se trata esto', 'HELP'],
    ["sorry didn't mean to stop, keep texting", 'START'],
    ['perdón, fue un error, sí nos pueden escribir', 'START'],
    ['queremos recibir mensajes de nuevo', 'START'],
  ])('%j is %s', (text, kind) => {
    expect(readKeywords(text)[0]).toBe(kind);
  });

  it.each([
    "don't reach out until after the holidays",
    'delete my info from the flyer you made',
    'I didnt mean to stop by unannounced',
  ])('%j is no keyword', (text) => {
    expect(readKeywords(text)).toEqual([]);
  });

  it('"no queremos recibir mensajes de nuevo" never starts the texts again', () => {
    expect(readKeywords('no queremos recibir mensajes de nuevo')).not.toContain('START');
  });
});

describe('complaints, scorn and "not for years"', () => {
  it.each<[string, string]>([
    ['so sick of these texts', 'objection:stop_texting'],
    ['your daily messages are getting annoying', 'objection:stop_texting'],
    ['please dont text me so late', 'objection:stop_texting'],
    ['you messaged us at 11pm on a weeknight', 'objection:stop_texting'],
    ['fewer questions please, just send homes', 'objection:stop_texting'],
    ['ya no nos hagan tantas preguntas', 'objection:stop_texting'],
    ['nice try lowballers', 'objection:hostile'],
    ['none of your business', 'objection:hostile'],
    ['realtors are a scam', 'objection:hostile'],
    ['we are waiting until rates drop', 'objection:too_early'],
    ['not until our lease ends', 'objection:too_early'],
    ['not for two years at least', 'objection:too_early'],
    ['nah, maybe in a year', 'objection:too_early'],
  ])('"%s" is %s', (text, label) => {
    expect(labels(read(text).acts)).toContain(label);
  });

  it('"do not call me at work" is a complaint, not a request for a call', () => {
    const l = labels(read('do not call me at work please').acts);
    expect(l).toContain('objection:stop_texting');
    expect(l).not.toContain('question:other');
  });

  it('a timeline within the year is no objection', () => {
    expect(labels(read('in about a year', 'seller', 'timeline').acts)).not.toContain('objection:too_early');
  });

  it('moving a meeting, asked as a question, is a reschedule question', () => {
    const l = labels(read('any chance we could push it to next week?', 'buyer', 'appointment').acts);
    expect(l).toEqual(expect.arrayContaining(['question:reschedule', 'scheduling:reschedule']));
  });
});

describe('the replies these lead to', () => {
  const SLOTS = ['2026-12-07T18:00:00.000Z', '2026-12-08T18:00:00.000Z', '2026-12-09T18:00:00.000Z'];
  const seller = [
    'we need to sell, job transfer to Denver',
    'in about 2 months',
    'its in good shape',
    'around 700',
  ];

  it('calling off a showing that was only offered books nothing, and the agent is told', () => {
    const ds = converse([...seller, "can I cancel thursday's? we'd rather wait"], [], {
      calendar: true,
      slots: SLOTS,
    });
    expect(ds[3]?.reply).toMatch(/1\) .* 2\) .* 3\) /);
    const d = ds.at(-1);
    expect(d?.reply).toBe("No problem, nothing is booked. Jorge will set a time whenever you're ready.");
    expect(d?.actions.some((a) => a.type === 'book_appointment')).toBe(false);
    expect(d?.actions.some((a) => a.type === 'create_task' && /no time picked/.test(a.title))).toBe(true);
  });

  it('a reply never says the same sentence twice', () => {
    const ds = converse(
      ['thinking of selling my place in upland', 'relocating', 'next month', 'hard to say', 'around 700'],
      [],
    );
    expect(ds.at(-1)?.reply).toBe(
      "Thanks. No problem, Jorge can go over the home's condition with you. What's the property address?",
    );
  });

  it('a divorce is met with sympathy once', () => {
    const [d] = converse(["we're getting divorced so the house has to go"], ['Seller-Lead']);
    expect(d?.reply?.match(/sorry you're going through that/g)).toHaveLength(1);
  });
});
