import { describe, expect, it } from 'vitest';
import { detectOptIn } from '../../src/domain/compliance/opt-out.ts';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind } from '../../src/domain/understand/types.ts';
import { converse } from '../support/converse.ts';

// What leads texted in the eighth development split (eval/corpus/*-dev8.jsonl), as a realtor would
// want each one taken.
const read = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null) =>
  readUtterance(text, { bot, lastQuestion, now: new Date('2026-12-04T18:00:00Z') });

describe('opt-outs said as complaints, threats and asides', () => {
  it.each([
    "can yall chill with the texts, i'll reach out when im ready",
    'why am i getting these every other day',
    'i never signed up for this, how do i get off whatever list this is',
    'every time I delete one another one shows up. seriously?',
    'ya les dije que no mil veces, ¿qué parte no entienden?',
    'váyanse mucho a la ch*ngada con sus mensajitos',
    'ya no me textee, mejor por email porfa',
    "i'm done with these texts. done.",
    'ALTO ya con los textos',
    "I'm reporting this as spam",
    'número equivocado, bórrenlo por favor',
    'leave me be',
    'cancel all of it, the appointment and the texts',
    "I've asked twice already. next text goes to my attorney",
    'prefiero que me escriban al correo, ya no por mensaje: jose.luna@example.com',
  ])('%j is an opt-out', (text) => {
    expect(readKeywords(text)).toEqual(['STOP']);
  });

  it.each([
    'why am i getting this letter from the county',
    'im done with the house, it needs too much work',
    'chill with the lowball offers',
    'let it be',
    'I told you no 3 times on the price, 700 is firm',
    'ya les dije que NO vendo',
    'next text goes to my wife, she decides',
  ])('%j is not', (text) => {
    expect(readKeywords(text)).not.toContain('STOP');
  });

  it('HELP with a question about the sender, and after a filler, is HELP', () => {
    expect(readKeywords('INFO?? what company is this')).toEqual(['HELP']);
    expect(readKeywords('uh help me')).toEqual(['HELP']);
  });

  it('a Spanish "I was wrong, I do want it" after a stop gives consent back', () => {
    expect(
      detectOptIn('perdón, me equivoqué, sí quiero información. pensamos vender el año que entra', {
        strict: true,
      }),
    ).toBe(true);
    expect(
      detectOptIn('perdón, sí me interesa, mi esposo mandó eso. ¿me pueden seguir mandando casas?', {
        strict: true,
      }),
    ).toBe(true);
    expect(detectOptIn('sí me interesa', { strict: true })).toBe(false);
    expect(detectOptIn('mi esposo mandó eso', { strict: true })).toBe(false);
  });

  it('the texts keep coming after a stop only once the lead takes it back', () => {
    const turns = converse(
      ['BAJA', 'hasta 500', 'perdón, sí me interesa, mi esposo mandó eso', 'hasta 500'],
      ['Buyer-Lead'],
    );
    expect(turns[0]?.actions).toContainEqual({ type: 'set_contact', optedOut: true });
    expect(turns[1]?.reply).toBeNull();
    expect(turns[2]?.actions).toContainEqual({ type: 'set_contact', optedOut: false });
    expect(turns[3]?.reply).toMatch(/\?$/);
  });
});

describe('objections said plainly', () => {
  it.each([
    ['needs? we needed a house and we got one 😂 closed nov 30', 'buyer', 'already_bought'],
    ['touch base with me in like 18 months, not before', 'seller', 'too_early'],
    ["I'm going to pass for now, not really a good time for us to think about moving", 'seller', 'too_early'],
    ['u guys text more than my ex 😂 relax', 'seller', 'stop_texting'],
    ["I get a text from you people every morning at 8am. It's a lot.", 'seller', 'stop_texting'],
    ["lol what's it to you. you'd just lowball me anyway", 'seller', 'hostile'],
    ['ustedes los realtors nomás andan buscando a quién sacarle dinero', 'seller', 'hostile'],
    ['not gonna happen chief', 'seller', 'not_interested'],
    ['nel, no vendo', 'seller', 'not_interested'],
    ["we just refinanced into a 2.9, we're never leaving", 'seller', 'not_interested'],
    ["sign's already in the yard, different company. good luck tho", 'seller', 'listed_with_other'],
    ['pulled the listing, the rates scared off every buyer', 'seller', 'not_selling_anymore'],
    ["had a cash buyer knock on the door lol, it's done", 'seller', 'already_sold'],
  ] as const)('%j is %s… (%s)', (text, bot, type) => {
    expect(read(text, bot, null).acts).toContainEqual({ act: 'objection', type });
  });

  it('a seller who found the next house and is in contract on it is selling, not sold', () => {
    const u = read(
      "we found a house in Yucaipa and we're already in contract on it so now ours has to sell asap",
      'seller',
      'motivation',
    );
    expect(u.acts.some((a) => a.act === 'objection')).toBe(false);
    expect(u.slots).toMatchObject({ motivation: 'bought_another', timeline_months: 0 });
  });

  it('a hostile seller is handed to the agent, not asked the next question', () => {
    const turns = converse(
      ['ustedes los realtors nomás andan buscando a quién sacarle dinero'],
      ['Seller-Lead'],
    );
    expect(turns[0]?.reply).not.toMatch(/\?$/);
  });
});

describe('questions asked by their situation', () => {
  it.each([
    ['can we tour a couple first or does the lender thing have to happen before', 'preapproval_needed'],
    ['¿primero el banco o primero buscar casa? no sé cómo va', 'preapproval_needed'],
    ['Gmail is better for me than text: marisol.b.ramos@example.com', 'switch_to_email'],
    ['has the price dropped on that Etiwanda listing yet or nah', 'listing_status'],
    ['curious what a 3/2 with original kitchen pulls in Upland these days', 'home_value'],
    ['can jorge do one of those free valuation things', 'home_value'],
    ['la vecina vendió en 780, ¿la mía vale igual?', 'home_value'],
    ['heard buyers pay their own agent now after that lawsuit thing, true?', 'fees_commission'],
    ['¿cuándo empezaría a anunciarla si firmo?', 'process'],
    ['¿y usted cómo sabe que tengo casa? me da desconfianza', 'how_got_number'],
  ] as const)('%j asks about %s', (text, topic) => {
    expect(read(text, 'seller', null).acts).toContainEqual({ act: 'question', topic });
  });
});

describe('everyday answers', () => {
  it.each([
    ["wouldn't let it go for less than 680", 680_000],
    ['eight hundred floor. not a penny under', 800_000],
    ['my bottom line is six twenty five', 625_000],
    ['queremos sacarle lo más posible pero nada abajo de 6.8', 680_000],
    ['Zillow has us at 742. we want more than that', 742_000],
    ['600 y ni un peso menos', 600_000],
  ] as const)('%j is a floor of %i', (text, floor) => {
    const slots = read(text, 'seller', 'price').slots;
    expect(slots.price_min).toBe(floor);
    expect(slots.price).toBeUndefined();
  });

  it('a quoted estimate alone, and a price said "firm", are the price', () => {
    expect(read('Zillow has us at 742', 'seller', 'price').slots.price).toBe(742_000);
    expect(read('650 firm', 'seller', 'price').slots.price).toBe(650_000);
  });

  it.each([
    ['we need to unload ours before we can get the bigger one', 'both'],
    ['quiero ver cuánto me dan por la mía y si alcanza, comprar más grande', 'both'],
    ['moving in with my fiancé so mine has to go', 'sell'],
    ['rentamos desde hace 6 años y ya queremos algo propio', 'buy'],
    ['downsizing, so I guess both?', 'both'],
    ["my tenants are moving out in march and I'm done being a landlord", 'sell'],
    ['pues la casa ya nos queda grande, y algo más chico aquí cerca estaría bien', 'both'],
    ["trying to get rid of my late mom's place. it's a lot emotionally", 'sell'],
  ] as const)('%j intends %s', (text, intent) => {
    expect(read(text, 'lead', null).slots.intent).toBe(intent);
  });

  it.each([
    ['ASAP. the HOA is fining me every week and im done with them', 'other'],
    ["I quit my job to go back to school so money's tight", 'financial'],
    ["my boyfriend has a house in Corona so I'm moving in with him", 'moving_in_with_partner'],
    ['el vecino de al lado es insoportable, ya no aguanto', 'other'],
    ['thinking about cashing out and renting for a while', 'investment'],
  ] as const)('%j is moved by %s', (text, motivation) => {
    expect(read(text, 'seller', 'motivation').slots.motivation).toBe(motivation);
  });

  it('a home done top to bottom is excellent; one that needs the works or a new sewer line needs work', () => {
    expect(
      read('fully remodeled 2 yrs ago, quartz, new floors, the works', 'seller', 'condition').slots.condition,
    ).toBe('excellent');
    expect(read('needs the works', 'seller', 'condition').slots.condition).toBe('needs_work');
    expect(
      read("city's forcing me to redo the whole sewer line", 'seller', 'condition').slots.condition,
    ).toBe('needs_work');
  });

  it('lenders named by short name or by the letter', () => {
    expect(read('yup, letter from Navy Fed in hand', 'buyer', 'preapproval').slots.lender).toBe(
      'Navy Federal',
    );
    expect(read('sí tenemos la carta, de Banco Popular', 'buyer', 'preapproval').slots.lender).toBe(
      'Banco Popular',
    );
    expect(read('ya tenemos la carta de Chase', 'buyer', 'budget').slots.lender).toBe('Chase');
  });

  it.each([
    ['este mismo mes si se puede', 0],
    ["we'd like to be out by Valentine's day", 2],
    ['urge, necesitamos casa para febrero que nace el bebé', 2],
  ] as const)('%j is %i months away', (text, months) => {
    expect(read(text, 'buyer', 'timeline').slots.timeline_months).toBe(months);
  });
});

describe('whole conversations from the eighth split', () => {
  it('a greeting that says the text arrived is not anger, and a divorce lawyer wanting it sold is no legal matter', () => {
    const turns = converse(
      [
        'buenas, sí me llegó su mensaje',
        'nos estamos divorciando y el juez dice que hay que vender',
        'el abogado quiere que esté vendida para marzo',
      ],
      [],
    );
    for (const t of turns) expect(t.escalation).toBeNull();
    expect(turns[2]?.state.facts.months).toBe(3);
    expect(turns[2]?.reply).toMatch(/\?$/);
  });

  it('a place taken back is dropped from the areas', () => {
    const turns = converse(
      ['looking in Rialto, budget 450', 'wait actually my wife says 475, and Fontana not Rialto'],
      ['Buyer-Lead'],
    );
    expect(turns[1]?.state.facts.areas).toEqual(['Fontana']);
    expect(turns[1]?.state.facts.budgetMax).toBe(475_000);
  });

  it('a lead who asks to have the house seen is offered a time', () => {
    const turns = converse(
      [
        'we might sell in the spring, depends',
        'could you stop by sometime to take a look? weekends are best',
      ],
      ['Seller-Lead'],
    );
    expect(turns[1]?.state.stage).toBe('scheduling');
  });

  it('a lead taken with an open house is a buyer, and repeating our question back is no question', () => {
    const turns = converse(
      [
        "I can't stop thinking about that open house on Sunday lol",
        'we want to buy, around 700',
        'are we preapproved? no not yet',
      ],
      [],
    );
    expect(turns[0]?.state.facts.intent).toBe('buy');
    expect(turns[0]?.reply).not.toMatch(/sell/i);
    expect(turns[2]?.state.facts.financing).toBe('not_yet');
    expect(turns[2]?.reply).not.toMatch(/pass that to Jorge/);
  });

  it('"not preapproved, is that a problem?" is answered as the pre-approval question it is', () => {
    const u = read('not preapproved, is that a problem?', 'buyer', 'preapproval');
    expect(u.acts.filter((a) => a.act === 'question')).toEqual([
      { act: 'question', topic: 'preapproval_needed' },
    ]);
    expect(read('pensábamos unos 680, ¿cómo ve?', 'seller', 'price').acts).toContainEqual({
      act: 'question',
      topic: 'home_value',
    });
  });

  it('a death told first stays the reason when the trust comes up', () => {
    const turns = converse(
      [
        'hi, my mother passed away in september and the house is in her trust now',
        "my brother and I are the trustees. we'd like to have it sold by spring",
      ],
      ['Seller-Lead'],
      {},
      { pausedFrom: 1 },
    );
    expect(turns[1]?.state.facts.motivation).toBe('death_in_family');
  });

  it('more everyday answers', () => {
    expect(read("yes we're preapproved, Paramount", 'buyer', 'preapproval').slots.lender).toBe('Paramount');
    expect(read('we are approved, Thanks', 'buyer', 'preapproval').slots.lender).toBeUndefined();
    expect(read('no lender yet', 'buyer', 'budget').slots.preapproved).toBe(false);
    expect(read('no lender needed, paying cash', 'buyer', 'budget').slots.preapproved).toBeUndefined();
    expect(
      read("my husband left and I can't afford this place on my own", 'seller', null).slots.motivation,
    ).toBe('divorce');
    expect(read('la casa necesita cariño pero está bien', 'seller', 'condition').slots.condition).toBe(
      'fair',
    );
    expect(
      read("we'd want 720. actually make it 740, our neighbor got 735 for a smaller one", 'seller', 'price')
        .slots.motivation,
    ).toBeUndefined();
  });
});

describe('selling and buying, floors and lenders said in passing', () => {
  it('a booked seller who also buys stays a hot lead while the purchase is qualified', () => {
    const turns = converse(
      [
        "yes we're thinking about selling, we're having baby #3 and the house is too small",
        "we'd like to be in a bigger place by summer but sell first, so like march or april",
        'good condition, new carpet and paint',
        "we'd want 720. actually make it 740",
        'does Jorge charge the full 6?',
        'tuesday or wednesday evening',
      ],
      ['Seller-Lead'],
      { calendar: true, slots: ['2026-12-05T21:00:00Z', '2026-12-07T18:00:00Z', '2026-12-08T18:00:00Z'] },
    );
    expect(turns[4]?.reply).toMatch(/Which one works best for you: 1\)/);
    const last = turns.at(-1);
    expect(last?.state.owner).toBe('buyer');
    expect(last?.state.temperature).toBe('hot');
    expect(last?.actions).not.toContainEqual({ type: 'add_tags', tags: ['Warm-Lead'] });
  });

  it('"menos de 700 no" is a floor, "menos de 700" a ceiling', () => {
    expect(read('entre 700 y 750, pero menos de 700 no', 'seller', 'price').slots).toMatchObject({
      price_min: 700_000,
      price_max: 750_000,
    });
    expect(read('menos de 700', 'seller', 'price').slots.price_max).toBe(700_000);
  });

  it('a lender named beside the budget or the approval', () => {
    expect(read('sí, tenemos preaprobación de Banco Popular por 520', 'buyer', 'budget').slots.lender).toBe(
      'Banco Popular',
    );
    expect(
      read("Navy Federal, up to 575 but we'd like to stay around 540", 'buyer', 'budget').slots,
    ).toMatchObject({
      lender: 'Navy Federal',
      budget_max: 540_000,
    });
  });
});

describe('feelings said in passing', () => {
  it.each([
    ['pinches agentes, nomás quieren su comisión', 'anger'],
    ['nos vamos a casar en junio 💍', 'excitement'],
    ['the endless bidding wars are exhausting', 'stress'],
    ['still waiting on underwriting and its killing me', 'stress'],
    ['need it gone by the 20th, movers are booked', 'urgency'],
    ['grandma always said it was worth a million lol. i miss her', 'grief'],
  ] as const)('%j shows %s', (text, kind) => {
    expect(read(text, 'seller', 'price').acts).toContainEqual({ act: 'feeling', kind });
  });

  it('a grudge against a city is no anger at us, and the city is left out', () => {
    const turns = converse(
      [
        'hi',
        '600 max',
        'preapproved with chase',
        "anywhere but Fontana, we got burned there and I'm still mad. Rialto I guess",
      ],
      ['Buyer-Lead'],
    );
    const last = turns.at(-1);
    expect(last?.escalation).toBeNull();
    expect(last?.state.facts.areas).toEqual(['Rialto']);
  });
});

it('a seller already in contract on the next house is not told we will help them buy', () => {
  const u = read(
    "we found a house in Yucaipa and we're already in contract on it so now ours has to sell asap",
    'seller',
    'motivation',
  );
  expect(u.slots.intent).toBeUndefined();
  expect(read('we found a house we love and need to sell ours to buy it', 'seller', null).slots.intent).toBe(
    'both',
  );
});
