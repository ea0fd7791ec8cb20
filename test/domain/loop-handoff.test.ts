import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.ts';

// A question asked twice without a usable answer is given up on and the agent gets a task. When
// the bot goes on with its next question, the lead is not told goodbye ("I'll have Jorge reach
// out") in the middle of the conversation; when nothing is left to ask, that line ends it, once.

function replies(texts: string[]) {
  return converse(texts, ['Seller-Lead']).map((d) => ({
    reply: d.reply ?? '',
    tasks: d.actions.filter((a) => a.type === 'create_task').length,
  }));
}

describe('a question given up on', () => {
  it('after an answer to another question: the agent will go over it, and the next question follows', () => {
    const turns = replies(['hi', 'honestly just curious', 'maybe next fall']);
    // The line names the question given up on: "that" would point at the timeline just answered.
    expect(turns[2]!.reply).toMatch(
      /Jorge can talk through your plans with you\. How would you describe the home/,
    );
    expect(turns[2]!.reply).not.toMatch(/reach out/);
    expect(turns[2]!.tasks).toBe(1);
  });

  it('after two vague answers: the same, instead of moving on without a word or a task', () => {
    const turns = replies(['hi', 'hmm', 'dunno']);
    expect(turns[2]!.reply).toMatch(
      /^No problem, Jorge can talk through your plans with you\. Would selling within/,
    );
    expect(turns[2]!.tasks).toBe(1);
  });

  it('when nothing is left to ask: "I\'ll have Jorge reach out", once, ends it', () => {
    const turns = replies([
      'hi',
      'moving for work',
      'not sure',
      'hmm',
      'ok i guess',
      'meh',
      'dunno',
      '1234 main st upland',
    ]);
    expect(turns[6]!.reply).toMatch(/What's the property address\?$/);
    const last = turns[7]!.reply;
    expect(last).toMatch(/I'll have Jorge reach out/);
    expect(last.match(/No problem/g)).toHaveLength(1);
    expect(last).not.toMatch(/can go over that|\?$/);
  });

  it('a lead who still will not say buy or sell: one task, then a short acknowledgement, not the same line again', () => {
    for (const [texts, ack] of [
      [
        ['hey', 'who is this', 'thinking about moving', 'not sure yet', 'k', 'ok'],
        /Jorge will (follow up|be in touch)/,
      ],
      [['buenas', 'quien habla?', 'pensando en mudarme', 'no se todavia', 'ok gracias', 'va'], /Jorge/],
    ] as const) {
      const ds = converse([...texts], []);
      const tasks = ds.flatMap((d) => d.actions.filter((a) => a.type === 'create_task'));
      expect(tasks).toHaveLength(1);
      expect(ds[3]!.reply).toMatch(/^(No problem|No se preocupe)/);
      for (const d of ds.slice(4)) {
        expect(d.reply).toMatch(ack);
        expect(d.reply).not.toBe(ds[3]!.reply);
      }
      expect(ds[4]!.reply).not.toBe(ds[5]!.reply);
    }
  });
});
