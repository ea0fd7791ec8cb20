import { describe, expect, it } from 'vitest';
import { detectOptOut } from '../../src/domain/compliance/opt-out.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads wrote in the twenty-first development split (eval/corpus/*-dev21.jsonl): renters whose
// lease ends, houses needing work, parents moving to care, new parents, couples who disagree.
const replies = (texts: string[], tags: string[] = []) => converse(texts, tags).map((d) => d.reply);

describe('a no said hard is a no, not an unsubscribe', () => {
  it('"no I\'m not selling. what part of no" closes the conversation without opting out', () => {
    expect(detectOptOut("no I'm not selling. what part of no")).toBe(false);
    const turns = converse(
      ['realtors are the reason nobody can afford anything', "no I'm not selling. what part of no"],
      ['Seller-Lead'],
    );
    const last = turns.at(-1);
    expect(last?.actions.some((a) => a.type === 'set_contact' && a.optedOut === true)).toBe(false);
    // Nothing more is asked of a lead who said no.
    expect(last?.reply ?? '').not.toMatch(/\?/);
  });

  it('"what part of stop" still opts out, and "what part of town" is still a question about the area', () => {
    expect(detectOptOut("what part of stop don't you understand")).toBe(true);
    expect(leadActs('what part of town is safest', 'buyer')).toContain('area_info');
    expect(leadActs('what part of no dont you understand', 'seller')).not.toContain('area_info');
  });
});

describe('an opt-out is a cold contact', () => {
  it('a buyer with a budget who says "stop texting me" ends Cold-Lead, not Warm-Lead', () => {
    const turns = converse(
      ['500 max', 'no, still working on it', "actually stop texting me, I'm going to work with my cousin"],
      ['Buyer-Lead'],
    );
    const last = turns.at(-1);
    expect(last?.temperature).toBe('cold');
    expect(last?.actions.some((a) => a.type === 'add_tags' && a.tags.includes('Cold-Lead'))).toBe(true);
  });
});

describe('"está bien" about the house is not a yes to selling in 30 to 45 days', () => {
  it('a seller who says the house is fine is not marked as accepting the timeline', () => {
    const turns = converse(
      [
        'todavia no, es muy pronto',
        'tal vez el otro año cuando se gradue mi hija',
        'la casa esta bien, la tenemos bien cuidada',
      ],
      ['Seller-Lead'],
    );
    const last = turns.at(-1);
    expect(last?.state.facts.timelineAcceptable).not.toBe(true);
    expect(last?.temperature).not.toBe('hot');
  });
});

describe('a no taken back', () => {
  it('"actually wait, …" with news of the move after "not interested" is qualified again', () => {
    const said = replies(
      [
        'not interested',
        'actually wait, my wife just reminded me we need to deal with her moms place. shes going into memory care',
      ],
      ['Seller-Lead'],
    );
    expect(said[0]).toMatch(/close this out/);
    expect(said[1]).toMatch(/30 to 45 days/);
  });

  it('"actually wait" with nothing about the move stays closed', () => {
    const said = replies(['not interested', 'actually wait, who is this?'], ['Seller-Lead']);
    expect(said[1] ?? '').not.toMatch(/30 to 45 days|reason for the move|thinking about selling/);
  });
});

describe('not yet, with a later time beside it', () => {
  it.each([
    ['todavía no, tal vez en la primavera', 'seller', 'timeline'],
    [
      'ugh not yet. my dad just moved out last week and i havent even started on his stuff. maybe after new years',
      'seller',
      'timeline',
    ],
    ['not til after the baby, so maybe summer', 'buyer', 'timeline'],
    ['not yet!! lol we literally just started talking about it. give us til summer', 'lead', null],
    ['once the lease is up we can talk. thats not till august', 'lead', null],
    ["after the baby comes we'll look. due date is march 3 so realistically summer", 'lead', null],
    ['el otro año, no antes', 'seller', 'timeline'],
  ] as const)('"%s" is too early', (text, bot, lastQuestion) => {
    expect(leadActs(text, bot, lastQuestion)).toContain('too_early');
  });

  it('"not yet, maybe next month" to the pre-approval question is no approval, not a put-off', () => {
    const acts = leadActs('not yet, maybe next month', 'buyer', 'preapproval');
    expect(acts).not.toContain('too_early');
    expect(readLead('not yet, maybe next month', 'buyer', 'preapproval').slots.preapproved).toBe(false);
  });
});

describe('time spent is not a timeline', () => {
  it('"total waste of 6 months" about the last agent dates nothing', () => {
    const r = readLead(
      'our last agent priced it at 850 and never did one open house. total waste of 6 months',
      'seller',
      'motivation',
    );
    expect(r.slots.timeline_months).toBeUndefined();
    expect(readLead('we need to be out in 6 months', 'seller', 'timeline').slots.timeline_months).toBe(6);
  });
});

describe('buying or selling in other words', () => {
  it.each([
    ['we want a little cabin type place as a second home, for weekends. we live in claremont now', 'buy'],
    ['queremos nuestra propia casa, ya no queremos pagarle renta a nadie', 'buy'],
    ['lease is up end of march and the landlord is raising rent AGAIN. so maybe buying??', 'buy'],
    ['we want to buy but do we have to talk to a bank first or can we just go look at houses?', 'buy'],
    ['got a letter from one of those we buy houses companies, 390 cash as is. is that fair??', 'sell'],
    ['me llegó una carta de esos que compran casas en efectivo, me ofrecen 350. es justo?', 'sell'],
    ['get out from under this mortgage. payment jumped when the ARM adjusted', 'sell'],
    ["we're moving out of state in the spring. would rather sell in march before it gets crazy", 'sell'],
    ['downsizing. my knees are done with the stairs and the kids are long gone', 'both'],
  ] as const)('"%s" is %s', (text, intent) => {
    expect(readLead(text, 'lead', null).slots.intent).toBe(intent);
  });

  it('a cash offer complained about says nothing about the side', () => {
    expect(
      readLead('if one more person calls me about a cash offer im going to scream', 'lead', null).slots
        .intent,
    ).toBeUndefined();
  });
});

describe('a loan not started is no pre-approval', () => {
  it.each([
    'idk what we qualify for honestly, we havent talked to anyone about a loan yet',
    "lol whatever my parents can help with. we're still figuring out the loan part",
    'lo que nos preste el banco, pero no hemos aplicado',
    'we were approved but then my husband changed jobs and now they want to redo everything ugh',
    'VA loan, my certificate of eligibility came through but i havent done the actual approval yet',
  ])('"%s" is not pre-approved', (text) => {
    expect(readLead(text, 'buyer', 'preapproval').slots.preapproved).toBe(false);
  });

  it('a buyer who says the loan part is not started is offered a lender, not asked again', () => {
    const said = replies(['600 max', "we're still figuring out the loan part"], ['Buyer-Lead']);
    expect(said[1]).toMatch(/lender/);
  });
});

describe('a parent who needs care is the reason', () => {
  it.each([
    'selling. well my mom is, shes 84 and cant live alone anymore so shes moving in w us',
    'soy la hija de doña Carmen. se va a una residencia de ancianos en marzo y queremos vender su casa',
    'mi suegro ya no puede vivir solo, se viene con nosotros y hay que vender su casa',
    'las dos cosas, vender aquí y comprar algo de un solo piso porque mi esposo ya no puede con las escaleras',
  ])('"%s" is another reason (care)', (text) => {
    expect(readLead(text, 'seller', 'motivation').slots.motivation).toBe('other');
  });

  it('near family without a verb of moving is a relocation', () => {
    expect(
      readLead('redlands, near my parents. theyre getting older and need us close', 'seller', 'motivation')
        .slots.motivation,
    ).toBe('relocation');
    expect(
      readLead('nos vamos con mi hija a Arizona, ya no podemos con la casa', 'seller', 'motivation').slots
        .motivation,
    ).toBe('relocation');
  });
});

describe('not selling yet is not a change of mind', () => {
  it('"not selling yet, maybe in the spring" hears "no rush" and the seller is qualified on', () => {
    const said = replies(
      [
        'not selling yet, maybe in the spring',
        "lol ok you're persistent. fine. we're moving to idaho to be near the grandkids",
      ],
      ['Seller-Lead'],
    );
    expect(said[0]).toMatch(/^No rush at all/);
    expect(said[0]).toMatch(/\?$/);
    expect(said[1]).toMatch(/condition/);
  });

  it('"not selling anymore" still closes', () => {
    const said = replies(["we're not selling anymore"], ['Seller-Lead']);
    expect(said[0] ?? '').not.toMatch(/\?/);
  });
});

describe('repairs before selling', () => {
  it('"do I have to fix it up before selling?" gets an answer, not "I\'ll have Jorge answer that"', () => {
    const [said] = replies(['do I have to fix it up before selling?'], ['Seller-Lead']);
    expect(said).toMatch(/^Not always: many homes sell as they are/);
  });

  it('"y tengo que arreglarla antes de vender?" gets it in Spanish', () => {
    const said = replies(['cuánto cobran?', 'y tengo que arreglarla antes de vender?'], ['Seller-Lead']);
    expect(said[1]).toMatch(/^No siempre: muchas casas se venden como están/);
  });

  it('a particular repair goes to the agent', () => {
    const [said] = replies(['do we need to fix the roof before selling?'], ['Seller-Lead']);
    expect(said).not.toMatch(/Not always/);
    expect(said).toMatch(/Jorge/);
  });
});

describe('email preferred', () => {
  it('"prefiero correo, casi no reviso los textos" with an address is confirmed', () => {
    const [said] = replies(
      ['prefiero correo, casi no reviso los textos. carlos.mena@example.com'],
      ['Buyer-Lead'],
    );
    expect(said).toMatch(/correo/);
    expect(said).toMatch(/carlos\.mena@example\.com/);
  });
});

describe('anger at someone else', () => {
  it('a landlord fed up with tenants hears sympathy and is qualified on, with no hand-off', () => {
    const turns = converse(
      [
        'tengo una casa rentada en San Bernardino',
        'los inquilinos no pagan y ya no quiero lidiar con eso',
        'en cuanto se salgan, tal vez en marzo',
      ],
      ['Seller-Lead'],
    );
    expect(turns[1]?.reply).toMatch(/^Qué frustrante, lo siento\./);
    expect(turns[1]?.reply).toMatch(/30 a 45 días/);
    expect(turns[1]?.actions.some((a) => a.type === 'add_tags' && a.tags.includes('Escalation'))).toBe(false);
    expect(turns[2]?.reply).toMatch(/condición/);
  });

  it('an eviction lawyer giving a date is an answer, not a legal matter', () => {
    const said = replies(
      [
        'los tenants no pagan desde septiembre y ya estoy harto',
        'en cuanto los saque, el abogado dice que como en febrero',
      ],
      ['Seller-Lead'],
    );
    expect(said[1]).toMatch(/condición/);
  });

  it('anger at us is still handed to a person', () => {
    const [said] = replies(
      ['your guy never showed up and the tenants are trashing the place, im furious'],
      ['Seller-Lead'],
    );
    expect(said).toMatch(/Jorge/);
    expect(said).not.toMatch(/frustrating/);
  });
});

describe('an approval amount after the lender', () => {
  it.each([
    ['sí estamos preaprobados con wells fargo, 500', 'Wells Fargo'],
    ['approved with chase, 500', 'Chase'],
  ])('"%s" is the budget, with the lender', (text, lender) => {
    const r = readLead(text, 'buyer', null);
    expect(r.slots.budget_max).toBe(500000);
    expect(r.slots.lender).toBe(lender);
    expect(r.slots.preapproved).toBe(true);
  });
});

describe('whose date, whose no', () => {
  it('"within 60 days, the investor wants to close in 2 weeks" is the lead\'s 60 days', () => {
    expect(
      readLead('within 60 days, the investor wants to close in 2 weeks tho', 'seller', 'timeline').slots
        .timeline_months,
    ).toBe(2);
  });

  it('"we\'re not buying til our lease is up next fall" is a date, not a no', () => {
    const r = readLead("we're not buying til our lease is up next fall", 'buyer', 'timeline');
    expect(r.slots.timeline_months).toBe(10);
    expect(r.acts.some((a) => a.act === 'objection' && a.type === 'not_interested')).toBe(false);
  });

  it('"neither of us has been to a bank" is not pre-approved', () => {
    expect(
      readLead("we'd be around 450 but neither of us has been to a bank", 'buyer', 'budget').slots
        .preapproved,
    ).toBe(false);
  });
});

describe('names and reasons in Spanish', () => {
  it('"estoy aprobado con bank of america por 480": the lender as it is written, and the budget', () => {
    const r = readLead('estoy aprobado con bank of america por 480', 'buyer', 'preapproval');
    expect(r.slots.lender).toBe('Bank of America');
    expect(r.slots.budget_max).toBe(480000);
  });

  it('"mi jefe me va a mandar a la planta de chino" is a job move', () => {
    expect(
      readLead('mi jefe me va a mandar a la planta de chino en marzo y quiero comprar allá', 'buyer', null)
        .slots.motivation,
    ).toBe('job');
  });
});
