import { describe, expect, it } from 'vitest';
import { crossCheck } from '../../../src/domain/understand/cross-check.ts';
import type { Act, Slots, Understanding } from '../../../src/domain/understand/types.ts';

const OTHER: Understanding = { acts: [{ act: 'other' }], slots: {} };
const model = (slots: Slots, acts: Act[] = [{ act: 'answer' }]): Understanding => ({ acts, slots });

describe('crossCheck: slot values', () => {
  it('keeps the rules’ value where both read one', () => {
    const rule: Understanding = { acts: [{ act: 'answer' }], slots: { price: 700_000 } };
    const got = crossCheck(rule, model({ price: 650_000 }), 'was thinking 650, no wait, 700');
    expect(got.slots.price).toBe(700_000);
  });

  it('takes a price the rules missed when the lead wrote it, in digits or in words', () => {
    for (const [text, price] of [
      ["honestly we're hoping six-fiftyish", 650_000],
      ['around 6.5 would make us happy', 650_000],
      ['somewhere near seiscientos mil', 600_000],
      ['we would take nine and a quarter', 925_000],
      ['a million two if the market holds', 1_200_000],
    ] as const) {
      const got = crossCheck(OTHER, model({ price }), text);
      expect(got.slots, text).toEqual({ price });
      expect(got.acts, text).toEqual([{ act: 'answer' }]);
    }
  });

  it('throws away a figure the message does not state', () => {
    expect(crossCheck(OTHER, model({ price: 700_000 }), 'we just want a fair price for it').slots).toEqual(
      {},
    );
    expect(crossCheck(OTHER, model({ price: 700_000 }), 'hoping for six fifty or so').slots).toEqual({});
    expect(crossCheck(OTHER, model({ budget_max: 900_000 }), 'it has 3 bedrooms and a pool').slots).toEqual(
      {},
    );
  });

  it('takes no model money when the rules read a figure of their own', () => {
    const rule: Understanding = { acts: [{ act: 'answer' }], slots: { budget_max: 600_000 } };
    const got = crossCheck(rule, model({ price: 650_000 }), 'we can spend 600, ours should get 650');
    expect(got.slots).toEqual({ budget_max: 600_000 });
  });

  it('takes a timeline only when the message names a time', () => {
    expect(crossCheck(OTHER, model({ timeline_months: 10 }), 'hoping to be out by the fall').slots).toEqual({
      timeline_months: 10,
    });
    expect(crossCheck(OTHER, model({ timeline_months: 2 }), 'en unos dos meses mas o menos').slots).toEqual({
      timeline_months: 2,
    });
    expect(crossCheck(OTHER, model({ timeline_months: 3 }), "we'll see how things go").slots).toEqual({});
  });

  it('takes an area only when the city or one of its short names is written', () => {
    expect(
      crossCheck(OTHER, model({ area: 'Rancho Cucamonga' }), 'anything up in rancho works').slots,
    ).toEqual({
      area: 'Rancho Cucamonga',
    });
    expect(crossCheck(OTHER, model({ area: 'Upland' }), 'close to the good schools please').slots).toEqual(
      {},
    );
    // A street named after a city is no area.
    expect(crossCheck(OTHER, model({ area: 'Etiwanda' }), 'the house on 1234 Etiwanda Ave').slots).toEqual(
      {},
    );
  });

  it('takes a lender or an address only when the message names it', () => {
    expect(crossCheck(OTHER, model({ lender: 'Navy Federal' }), 'going thru navy fed').slots).toEqual({
      lender: 'Navy Federal',
    });
    expect(crossCheck(OTHER, model({ lender: 'Rocket Mortgage' }), 'our bank is handling it').slots).toEqual(
      {},
    );
    expect(crossCheck(OTHER, model({ address: '418 Juniper St' }), 'it is 418 juniper street').slots).toEqual(
      {
        address: '418 Juniper St',
      },
    );
    expect(crossCheck(OTHER, model({ address: '481 Juniper St' }), 'it is 418 juniper street').slots).toEqual(
      {},
    );
  });

  it('checks rooms, e-mail and phone against the message', () => {
    expect(crossCheck(OTHER, model({ bedrooms: 4 }), 'four bedrooms minimum').slots).toEqual({ bedrooms: 4 });
    expect(crossCheck(OTHER, model({ bedrooms: 4 }), 'need 3 bed at least').slots).toEqual({});
    expect(
      crossCheck(OTHER, model({ email: 'ana.r@example.com' }), 'send it to Ana.R@example.com').slots,
    ).toEqual({
      email: 'ana.r@example.com',
    });
    expect(crossCheck(OTHER, model({ email: 'ana@example.com' }), 'email me instead').slots).toEqual({});
    expect(crossCheck(OTHER, model({ phone: '+19095550142' }), 'call (909) 555-0142').slots).toEqual({
      phone: '+19095550142',
    });
    expect(crossCheck(OTHER, model({ phone: '+19095550199' }), 'call (909) 555-0142').slots).toEqual({});
  });

  it('takes a category the rules did not read (no word to check it against)', () => {
    const got = crossCheck(OTHER, model({ motivation: 'taxes' }), 'the mello roos is killing us');
    expect(got.slots).toEqual({ motivation: 'taxes' });
    const rule: Understanding = { acts: [{ act: 'answer' }], slots: { motivation: 'financial' } };
    expect(crossCheck(rule, model({ motivation: 'taxes' }), 'the payments are killing us').slots).toEqual({
      motivation: 'financial',
    });
  });
});

describe('crossCheck: acts', () => {
  it('never takes STOP, HELP or START from the model', () => {
    const rule: Understanding = { acts: [{ act: 'scheduling', kind: 'time_preference' }], slots: {} };
    const got = crossCheck(
      rule,
      model({}, [{ act: 'keyword', kind: 'STOP' }]),
      'feel free to stop by the house',
    );
    expect(got.acts).toEqual([{ act: 'scheduling', kind: 'time_preference' }]);
    const alone = crossCheck(OTHER, model({}, [{ act: 'keyword', kind: 'HELP' }]), 'can you help us move');
    expect(alone.acts).toEqual([{ act: 'other' }]);
  });

  it('keeps the rules’ STOP even when the model saw none', () => {
    const rule: Understanding = { acts: [{ act: 'keyword', kind: 'STOP' }], slots: {} };
    expect(crossCheck(rule, model({}, [{ act: 'other' }]), 'take me off your list').acts).toEqual([
      { act: 'keyword', kind: 'STOP' },
    ]);
  });

  it('adds a model objection or question only when the rules found none of that family', () => {
    const hasAgent: Understanding = { acts: [{ act: 'objection', type: 'has_agent' }], slots: {} };
    const said = 'my cousin handles all that';
    expect(
      crossCheck(hasAgent, model({}, [{ act: 'objection', type: 'not_interested' }]), said).acts,
    ).toEqual([{ act: 'objection', type: 'has_agent' }]);
    expect(crossCheck(OTHER, model({}, [{ act: 'objection', type: 'has_agent' }]), said).acts).toEqual([
      { act: 'objection', type: 'has_agent' },
    ]);
    const asked: Understanding = { acts: [{ act: 'question', topic: 'process' }], slots: {} };
    const both = model({}, [
      { act: 'question', topic: 'closing_costs' },
      { act: 'feeling', kind: 'stress' },
    ]);
    expect(crossCheck(asked, both, 'how does all this work, we are so stressed').acts).toEqual([
      { act: 'question', topic: 'process' },
      { act: 'feeling', kind: 'stress' },
    ]);
  });

  it('marks an answer only when a model slot was kept', () => {
    const text = 'thinking six-fiftyish';
    expect(crossCheck(OTHER, model({ price: 650_000 }), text).acts).toEqual([{ act: 'answer' }]);
    expect(crossCheck(OTHER, model({ price: 800_000 }), text).acts).toEqual([{ act: 'other' }]);
  });

  it('takes no yes/no against the rules’ polarity', () => {
    const rule: Understanding = { acts: [{ act: 'affirm' }], slots: {} };
    const got = crossCheck(rule, model({ yes_no: 'no' }, [{ act: 'deny' }]), 'yeah no worries');
    expect(got).toEqual({ acts: [{ act: 'affirm' }], slots: {} });
  });
});
