import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.ts';

const SELLER = [
  "how'd you get my number first",
  'we want to sell, moving for work',
  "we'd like to be done by end of january",
];
const TO_DAYPART = [
  ...SELLER,
  'needs work, roof and plumbing are old',
  'what would it go for? we were told at least 600',
];

const tasks = (d: ReturnType<typeof converse>[number]) =>
  d.actions.flatMap((a) => (a.type === 'create_task' ? [`${a.title} ${a.body}`] : []));

describe('a lead who asks what we meant gets the question again in other words', () => {
  it.each(['what does that mean?', 'huh?', 'wdym', 'i dont understand', 'Sorry what do you mean'])(
    '%s',
    (text) => {
      const before = converse(SELLER, ['Seller-Lead']).at(-1)!;
      const after = converse([...SELLER, text], ['Seller-Lead']).at(-1)!;
      expect(after.reply).toMatch(/^Sorry, let me put that another way\. /);
      expect(after.reply).not.toMatch(/only help with real estate/);
      // The same question, pending as before, in other words than the first time.
      expect(after.state.pending).toBe(before.state.pending);
      expect(after.reply).not.toContain(before.reply!.split('. ').at(-1)!);
    },
  );

  it('in Spanish too', () => {
    const d = converse(['hola, quiero vender mi casa en fontana', '¿qué quiere decir?'], ['Seller-Lead']);
    expect(d[1]!.reply).toMatch(/^Perdón, se lo digo de otra forma\. ¿/);
    expect(d[1]!.state.pending).toBe(d[0]!.state.pending);
  });

  it('a real question that starts with "what" is still answered, not re-asked', () => {
    const d = converse([...SELLER, 'what is your name?'], ['Seller-Lead']).at(-1)!;
    expect(d.reply).toMatch(/assistant/);
    expect(d.reply).not.toMatch(/another way/);
  });
});

describe('asked mornings or afternoons, a lead who gives a day or leaves it to us is not asked again', () => {
  it('starts at the daypart question (no calendar)', () => {
    expect(converse(TO_DAYPART, ['Seller-Lead']).at(-1)!.reply).toMatch(/mornings or afternoons/);
  });

  it.each([
    ['any weekday', /any weekday/],
    ['tuesday works', /tuesday/],
    ['whenever is fine', /whenever/],
    ['cualquier día', /cualquier/],
  ])('%s', (text, inTask) => {
    const d = converse([...TO_DAYPART, text], ['Seller-Lead']).at(-1)!;
    expect(d.reply).toMatch(/will confirm the exact time/);
    expect(d.state.stage).toBe('booked');
    expect(tasks(d).join(' ')).toMatch(inTask);
  });

  it('"idk" gets the question once more, in other words', () => {
    const d = converse([...TO_DAYPART, 'idk'], ['Seller-Lead']);
    expect(d.at(-1)!.reply).toMatch(/morning or an afternoon/);
    expect(d.at(-1)!.reply).not.toBe(d.at(-2)!.reply);
    expect(d.at(-1)!.state.stage).toBe('scheduling');
  });
});
