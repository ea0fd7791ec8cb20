import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the eighteenth development split (eval/corpus/*-dev18.jsonl) and replies
// the older development splits still showed, as a realtor would want each one taken.
const read = readLead;
const acts = leadActs;
const replies = (texts: string[], tags: string[] = []) => converse(texts, tags).map((d) => d.reply);

describe('replies a realtor would not have sent', () => {
  it('"tuesday at 10?" after "mornings or afternoons?" is a time, never "I can only help with real estate"', () => {
    const said = replies(
      [
        "tenants moved out and wrecked the place. I'm done being a landlord",
        'next month, sooner the better',
        'needs work, holes in the drywall',
        'around 560',
        'tuesday at 10?',
      ],
      ['Seller-Lead'],
    );
    expect(said[3]).toMatch(/mornings or afternoons/);
    expect(said[4]).not.toMatch(/only help with real estate/);
    expect(said[4]).toMatch(/Jorge will confirm the exact time/);
  });

  it('"is that gonna be a problem?" about their own loan goes to Jorge; "what\'s the weather?" is still off-topic', () => {
    const said = replies(
      ['looking to buy', 'budget would be like 400', 'no, not preapproved', 'is that gonna be a problem?'],
      ['Buyer-Lead'],
    );
    expect(said[3]).toMatch(/^Good question, I'll have Jorge answer that for you personally\./);
    const es = replies(['queremos comprar', 'como 400', 'no, todavía no', '¿eso afecta?'], ['Buyer-Lead']);
    expect(es[3]).not.toMatch(/solo puedo ayudarle/);
    const weather = replies(['looking to buy', "what's the weather like today?"], ['Buyer-Lead']);
    expect(weather[1]).toMatch(/^I can only help with real estate here\./);
  });

  it('a down-payment question gets the general answer and Jorge a task; one about their own credit goes to Jorge', () => {
    const turns = converse(
      ['looking to buy', 'are there any first time buyer programs? we only have like 15k saved'],
      ['Buyer-Lead'],
    );
    expect(turns[1]?.reply).toMatch(
      /^Some loans need only a small down payment, and down-payment help programs exist\./,
    );
    expect(turns[1]?.actions).toContainEqual(
      expect.objectContaining({ type: 'create_task', title: 'Lead asks about the down payment' }),
    );
    const es = replies(['queremos comprar nuestra primer casita', 'hay programas para el enganche?']);
    expect(es[1]).toMatch(/^Algunos préstamos piden poco enganche y hay programas de ayuda/);
    const own = replies(
      ['looking to buy', "can I get FHA with a 580 credit score and what's the down payment"],
      ['Buyer-Lead'],
    );
    expect(own[1]).toMatch(/^Good question, I'll have Jorge answer that/);
  });

  it('"5 bedrooms, or 4 with a casita" needs 4 bedrooms at least', () => {
    expect(read('5 bedrooms, or 4 with a casita', 'buyer', 'needs').slots.bedrooms).toBe(4);
    expect(read('5 recámaras, o 4 con casita', 'buyer', 'needs').slots.bedrooms).toBe(4);
    expect(read('4 beds y 2 baños', 'buyer', 'needs').slots).toMatchObject({ bedrooms: 4, bathrooms: 2 });
  });
});

describe('what dev18 leads texted', () => {
  it('"nope" as the first reply is a no: closed politely, never asked why they sell', () => {
    for (const [tags, first] of [
      [['Seller-Lead'], 'nope'],
      [['Buyer-Lead'], 'nah'],
      [[], 'No.'],
    ] as const) {
      const [reply] = replies([first], [...tags]);
      expect(reply).toBe(
        "Understood, thanks for letting me know. I'll close this out. If anything changes, just text me.",
      );
    }
    // With facts in it, or later in the conversation, a "no" is an answer as before.
    expect(replies(['no, not yet'], ['Seller-Lead'])[0]).toMatch(/What's got you thinking about selling/);
  });

  it('"do you people not understand english" is a jab in English: the reply stays in English', () => {
    const said = replies(['nope', 'I said no. do you people not understand english'], ['Seller-Lead']);
    // The agent takes over; the lead is not told "Good question" before the holding line.
    expect(said[1]).toBe("Let me get Jorge on this, he'll reach out today.");
    expect(
      read('I said no. do you people not understand english', 'seller', null).slots.language_switch,
    ).toBeUndefined();
    expect(read('no hablo inglés', 'seller', null).slots.language_switch).toBe('es');
  });

  it('"AYUDA? no sé quién me manda esto" and "help me?? what do i reply to this" are HELP', () => {
    expect(readKeywords('AYUDA? no sé quién me manda esto')).toEqual(['HELP']);
    expect(readKeywords('help me?? what do i reply to this')).toEqual(['HELP']);
    expect(readKeywords('help me sell, what do i say to the buyers')).toEqual([]);
  });

  it('"is it even worth talking?" is no question about the home\'s value', () => {
    expect(acts('my credit took a hit after my divorce. is it even worth talking?', 'buyer')).not.toContain(
      'home_value',
    );
    expect(acts("what's it worth?", 'seller')).toContain('home_value');
  });

  it("a seller's lowest price and amounts in words", () => {
    expect(read('550 and not a dime less', 'seller', 'price').slots).toEqual({ price_min: 550000 });
    expect(read('lo más bajo que aceptaríamos son 690', 'seller', 'price').slots.price_min).toBe(690000);
    expect(
      read("nothing under 725, that's what we need to buy the next one", 'seller', 'price').slots,
    ).toMatchObject({
      price_min: 725000,
    });
    expect(read('six and a quarter I figure', 'seller', 'price').slots.price).toBe(625000);
    expect(read('queremos como setecientos y medio', 'seller', 'price').slots.price).toBe(750000);
    // "a really nice one" is a home, not a million dollars.
    expect(
      read("like fourish, maybe 425 if it's a really nice one", 'buyer', 'budget').slots.budget_max,
    ).toBe(425000);
    expect(read('a mil', 'seller', 'price').slots.price).toBe(1000000);
  });

  it('a move for work said in other words is a job move; a trust in Spanish is an inheritance', () => {
    for (const text of [
      'my job is moving to Irvine and the drive from here would kill me',
      'hubby got hired at the port in long beach so we gotta move closer',
      "yes. own a landscaping business, we're moving the business to Boise and selling the house",
    ])
      expect(read(text, 'seller', 'motivation').slots.motivation).toBe('job');
    expect(
      read('la casa era de mis abuelos, está en un trust y mis tíos quieren vender', 'seller', 'motivation')
        .slots.motivation,
    ).toBe('inherited');
  });

  it('"retiring after 31 years" is no timeline, so the seller is still asked when', () => {
    expect(
      read(
        'retiring from the school district after 31 years, time to go somewhere cheaper',
        'seller',
        'motivation',
      ).slots.timeline_months,
    ).toBeUndefined();
    const [reply] = replies(
      ['retiring from the school district after 31 years, time to go somewhere cheaper'],
      ['Seller-Lead'],
    );
    expect(reply).toMatch(/Would selling within the next 30 to 45 days work for you\?/);
  });

  it('broken things in the past date nothing; a cracked foundation is poor', () => {
    expect(
      read('the AC quit on us in august and we never fixed it, otherwise ok', 'seller', 'condition').slots,
    ).toEqual({
      condition: 'needs_work',
    });
    expect(
      read("foundation's cracked, the inspector said it's bad bad", 'seller', 'condition').slots.condition,
    ).toBe('poor');
    expect(
      read("it's in really good shape, we had the whole thing repainted in the fall", 'seller', 'condition')
        .slots,
    ).toEqual({ condition: 'good' });
    expect(
      read('en la primavera, antes no porque hay que cambiar el techo', 'seller', 'condition').slots
        .condition,
    ).toBe('needs_work');
    expect(
      read('yesterday if I could lol, this mortgage is drowning us', 'seller', 'timeline').slots,
    ).toEqual({
      timeline_months: 0,
      motivation: 'financial',
    });
  });

  it('looking first and the loan later is a pre-approval question; cancelling to pick another day is no process question', () => {
    expect(acts('can we look around first and do the loan stuff after?', 'buyer')).toContain(
      'preapproval_needed',
    );
    expect(acts('¿podemos ver casas primero y luego lo de la aprobación?', 'buyer')).toContain(
      'preapproval_needed',
    );
    expect(acts('can we look at the kitchen first', 'buyer')).not.toContain('preapproval_needed');
    expect(
      acts('ya no podemos el sábado, ¿se puede cancelar y vemos otro día?', 'buyer', 'appointment'),
    ).toEqual(['reschedule', 'reschedule']);
  });

  it('a Spanish yes/no question with no question word ("¿trabajan con préstamos VA?") is still a question', () => {
    expect(acts('hola, soy veterano del Marine Corps, ¿trabajan con préstamos VA?', 'buyer')).toContain(
      'other',
    );
    const [reply] = replies(
      ['hola, soy veterano del Marine Corps, ¿trabajan con préstamos VA?'],
      ['Buyer-Lead'],
    );
    expect(reply).toMatch(/^Le paso la pregunta a Jorge/);
    expect(acts('¿otra vez ustedes? ya les dije que compramos en diciembre', 'lead')).not.toContain('other');
  });

  it('"Zillow dice 700 pero vale más" is a floor; "monday at 7 is still on right?" confirms the meeting', () => {
    expect(read('pues Zillow dice 700 pero vale más, tiene alberca', 'seller', 'price').slots).toEqual({
      price_min: 700000,
    });
    expect(acts('monday at 7 is still on right? just double checking', 'buyer')).toEqual(['confirm']);
    expect(acts('ahí estaremos a las 11, gracias 🙏', 'buyer')).toEqual(['confirm']);
    expect(acts("we're still on the fence", 'buyer')).toEqual([]);
    expect(acts('are you still good with the price?', 'seller')).not.toContain('confirm');
  });

  it('objections in everyday words', () => {
    expect(acts("No. Don't need a realtor. Don't need a house.", 'lead')).toContain('not_interested');
    expect(
      acts("honestly neither, the whole market is garbage right now and I'm not playing", 'lead'),
    ).toContain('not_interested');
    expect(acts('nomás para que sepa, menos de 820 no la vendo', 'seller', 'price')).not.toContain(
      'not_interested',
    );
    expect(acts('9 texts in 3 days. are you serious right now', 'lead')).toContain('stop_texting');
    expect(
      read('9 texts in 3 days. are you serious right now', 'lead', null).slots.timeline_months,
    ).toBeUndefined();
    expect(acts('pues comprar, pero apenas estamos empezando a pensarlo', 'lead', 'buy_or_sell')).toContain(
      'too_early',
    );
    expect(acts("waiting on a raise that kicks in july, then we'll see", 'buyer', 'timeline')).toContain(
      'too_early',
    );
  });
});
