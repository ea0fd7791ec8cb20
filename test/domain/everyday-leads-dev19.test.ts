import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the nineteenth development split (eval/corpus/*-dev19.jsonl): leads in
// December, leads who change their minds, and leads who sell and buy in one breath.
const read = readLead;
const acts = leadActs;
const replies = (texts: string[], tags: string[] = []) => converse(texts, tags).map((d) => d.reply);
const SLOTS = ['2026-12-08T18:00:00Z', '2026-12-09T18:00:00Z', '2026-12-10T18:00:00Z'];

describe('a lead who said no and comes back', () => {
  it('"actually yes, we might sell in march" after a no gets the next question, not silence', () => {
    const said = replies(['not interested', 'actually yes, we might sell in march'], ['Seller-Lead']);
    expect(said[0]).toMatch(/^Understood, thanks for letting me know/);
    expect(said[1]).toMatch(/What's got you thinking about selling/);
    const wife = replies(
      ["we're not selling", 'wait actually my wife says we should sell, maybe spring'],
      ['Seller-Lead'],
    );
    expect(wife[1]).toMatch(/What's got you thinking about selling/);
  });

  it('"sorry, changed my mind, we want to sell" reopens; "changed our mind, not selling at all" does not', () => {
    const back = replies(['no thanks', 'sorry, changed my mind, we want to sell']);
    expect(back[1]).toMatch(/What's got you thinking about selling/);
    expect(acts('sorry, changed my mind, we want to sell', 'seller', null)).not.toContain(
      'not_selling_anymore',
    );
    const still = converse(
      ["we're not selling", 'actually we changed our mind, not selling at all'],
      ['Seller-Lead'],
    );
    expect(still[1]?.reply).toBeNull();
  });

  it('coming back to sell and buy, with a value question: the address is asked, not "Good question"', () => {
    const said = replies([
      'not interested thanks',
      'sorry, changed my mind. my husband says we should at least find out what the house is worth. we might sell and buy something bigger',
    ]);
    expect(said[1]).toMatch(/What is the property address\?$/);
    expect(said[1]).not.toMatch(/Good question/);
  });

  it('a seller who will add on instead, or a buyer who says "mejor no", is not asked on', () => {
    const seller = replies(
      [
        "yeah we're thinking about selling in the spring",
        'want more room, 3rd kid on the way',
        "you know what, we talked last night and we're going to add on instead of moving. sorry to waste your time",
      ],
      ['Seller-Lead'],
    );
    expect(seller[2]).toBe('Totally understand. If anything changes, I am here to help.');
    const buyer = replies(
      [
        'sí, estamos buscando, como 550',
        'no, todavía no estamos preaprobados',
        'sabe qué, mejor no. mi esposa perdió el trabajo y vamos a esperar',
      ],
      ['Buyer-Lead'],
    );
    expect(buyer[2]).toBe('Lo entiendo perfectamente. Si algo cambia, aquí estoy para ayudarle.');
    // "changed my mind, 4 beds" says more about the search: it goes on.
    const more = replies(['around 600', 'changed my mind, we need 4 beds not 3'], ['Buyer-Lead']);
    expect(more[1]).not.toMatch(/If anything changes/);
  });
});

describe('not now, twice', () => {
  it('the nurture line once, then "whenever you\'re ready", then quiet; a plan later reopens', () => {
    const said = replies(
      [
        "not right now, we've got too much going on with the holidays",
        'maybe in a couple years, once our youngest graduates',
        "no I don't need a valuation, thanks",
        'actually we want to sell in march now',
      ],
      ['Seller-Lead'],
    );
    expect(said[0]).toMatch(/^No rush at all, it's never too early to get a feel for things\./);
    expect(said[1]).toBe("Understood, no rush. Whenever you're ready, just text me.");
    expect(said[2]).toBeNull();
    expect(said[3]).toMatch(/What's the reason for the move/);
    const es = replies(['solo estamos viendo', 'todavía falta, como en un año y medio'], ['Buyer-Lead']);
    expect(es[1]).toBe('Entendido, sin prisa. Cuando esté listo, mándeme un mensaje.');
  });

  it('a question given up on is named: "that" never points at what the lead just answered', () => {
    const said = replies(['hi', 'honestly just curious', 'maybe next fall'], ['Seller-Lead']);
    expect(said[2]).toMatch(
      /No problem, Jorge can talk through your plans with you\. How would you describe/,
    );
  });
});

describe('after a booking', () => {
  const booked = ['relocating for work', 'next month', 'good shape', 'around 560', 'tuesday at 10?'];

  it('"can we do wednesday instead" is answered and the agent gets the calendar task; "thanks" stays quiet', () => {
    const turns = converse(
      [
        ...booked,
        'something came up, any chance we can do wednesday instead',
        'thanks',
        'we need to cancel the appointment, sorry',
      ],
      ['Seller-Lead'],
      { calendar: true, slots: SLOTS },
    );
    expect(turns[4]?.reply).toMatch(/^You're set for Tue Dec 8 10am/);
    expect(turns[5]?.reply).toMatch(/we can move your appointment with Jorge/);
    expect(turns[5]?.actions).toContainEqual(
      expect.objectContaining({ type: 'create_task', title: 'Lead asks to move the appointment' }),
    );
    expect(turns[5]?.actions).not.toContainEqual(
      expect.objectContaining({ title: 'Lead wrote while the assistant is silent' }),
    );
    expect(turns[6]?.reply).toBeNull();
    expect(turns[7]?.reply).toMatch(/I'll have Jorge cancel your appointment/);
  });

  it('times offered twice and still no pick: Jorge confirms, never the same list a third time', () => {
    const said = converse(
      [
        'hey! pre-approved with Rocket for 700, want 3 beds in Etiwanda, hoping to move by feb',
        'yep',
        "that's it",
      ],
      ['Buyer-Lead'],
      { calendar: true, slots: SLOTS },
    ).map((d) => d.reply);
    expect(said[1]).toMatch(/^Which one works best for you/);
    expect(said[2]).toMatch(/^Thanks! Jorge will confirm the exact time with you today\./);
  });
});

describe('held for the agent', () => {
  it('"can Jorge call me?" after a loss hears that he will, never "Good question"', () => {
    const said = converse(
      [
        "my mom passed on thanksgiving day. her house is the one you're asking about",
        'can Jorge call me? texting about this is hard',
      ],
      ['Seller-Lead'],
      {},
      { pausedFrom: 1 },
    ).map((d) => d.reply);
    expect(said[0]).toMatch(/^I'm so sorry for your loss/);
    expect(said[1]).toMatch(/Jorge already has your message and will reach out to you today\./);
    expect(said[1]).not.toMatch(/Good question/);
  });
});

describe('what dev19 leads texted', () => {
  it('"¿es usted el de la casa en venta…?" is a buyer asking about a listing, not a seller', () => {
    const said = replies([
      'buenas, ¿es usted el de la casa en venta en la Base Line?',
      '¿todavía está disponible?',
    ]);
    expect(said[0]).toMatch(/¿En qué rango de precio está buscando\?$/);
    expect(said.join(' ')).not.toMatch(/pensar en vender/);
  });

  it('a question for Jorge beside our own question comes first: ours ends the text', () => {
    const said = replies(
      [
        'moving in with my girlfriend',
        'probably april',
        'needs a little tlc',
        'no idea on price, what are homes going for in Rancho?',
      ],
      ['Seller-Lead'],
    );
    expect(said[3]).toMatch(
      /^Good question, I'll have Jorge answer that for you personally\. .*What is the property address\?$/,
    );
  });

  it('"¿otra vez? ya les había contestado" is a complaint about the texts, never "solo puedo ayudarle"', () => {
    expect(acts('¿otra vez? ya les había contestado la semana pasada', 'buyer', 'budget')).toEqual([
      'stop_texting',
    ]);
    const [reply] = replies(['¿otra vez? ya les había contestado la semana pasada'], ['Buyer-Lead']);
    expect(reply).not.toMatch(/solo puedo ayudarle/);
  });

  it('a sale price and a buying budget in one message are kept apart', () => {
    expect(
      read("we'd want 720 for ours. budget for the next one is 900ish", 'seller', 'price').slots,
    ).toEqual({
      price: 720_000,
      budget_max: 900_000,
    });
    expect(
      read("our place should go for like 5 fifty, and we'd look up to 700", 'seller', 'price').slots,
    ).toEqual({ price: 550_000, budget_max: 700_000 });
    expect(read('la nuestra en unos 800, y la otra de unos 500', 'seller', 'price').slots).toEqual({
      price: 800_000,
      budget_max: 500_000,
    });
    expect(
      read("we'll list at 680. no wait, 695. and spend up to 850 on the next one", 'seller', 'price').slots,
    ).toEqual({ price: 695_000, budget_max: 850_000 });
    // One side only: as before.
    expect(read('around 700 for ours', 'seller', 'price').slots).toEqual({ price: 700_000 });
  });

  it('buying and selling said in everyday words', () => {
    expect(
      read('tryna get into a starter home before my lease runs out in april', 'lead', null).slots.intent,
    ).toBe('buy');
    expect(read('we wanna be homeowners by next christmas', 'lead', null).slots.intent).toBe('buy');
    expect(
      read("my brother and I inherited mom's condo, neither of us wants it", 'lead', null).slots,
    ).toMatchObject({
      intent: 'sell',
      motivation: 'inherited',
    });
    expect(read('ayuda con la venta por favor, no sé ni por dónde empezar', 'lead', null).slots.intent).toBe(
      'sell',
    );
  });

  it('why they sell, in everyday words: the neighbour, money for a business', () => {
    expect(
      read('just want out of this neighborhood, the guy next door is a nightmare', 'seller', 'motivation')
        .slots.motivation,
    ).toBe('other');
    expect(
      read('pues la verdad queremos el dinero para poner un negocio', 'seller', 'motivation').slots
        .motivation,
    ).toBe('financial');
  });

  it('numbers: "the 7 to 750 range", "like 5 to 600", an approval after a comma, a lender named Golden 1', () => {
    expect(read('somewhere in the 7 to 750 range', 'buyer', 'budget').slots).toEqual({
      budget_min: 700_000,
      budget_max: 750_000,
    });
    expect(read('like 5 to 600', 'buyer', null).slots).toEqual({ budget_min: 500_000, budget_max: 600_000 });
    expect(read('ya estamos aprobados, 480 con Golden 1', 'buyer', 'preapproval').slots).toMatchObject({
      preapproved: true,
      lender: 'Golden 1',
      budget_max: 480_000,
    });
    expect(read('ya estamos aprobados, 480 con Golden 1', 'buyer', 'budget').slots.budget_max).toBe(480_000);
    // A credit score is no budget; the road is no price.
    expect(read("my credit's like 620, can I even buy?", 'buyer', null).slots.budget_max).toBeUndefined();
    expect(read('credit score is 700 and we want to stay under 650', 'buyer', null).slots.budget_max).toBe(
      650_000,
    );
    expect(read('right off the 210 freeway', 'buyer', null).slots.budget_max).toBeUndefined();
  });

  it('"depends what we get approved for" and "ya merito" are not pre-approved', () => {
    expect(
      read('like 5 to 6 hundred? depends what we get approved for', 'buyer', 'budget').slots.preapproved,
    ).toBe(false);
    expect(read('ya merito, nomás falta la carta', 'buyer', 'preapproval').slots).toMatchObject({
      preapproved: false,
    });
    expect(
      read('oh wait, yes! the letter from loanDepot just hit my inbox like 5 min ago', 'buyer', 'timeline')
        .slots.preapproved,
    ).toBe(true);
  });

  it('"en marzo, después de que pase el invierno" is March', () => {
    expect(
      read('en marzo, después de que pase el invierno', 'seller', 'timeline').slots.timeline_months,
    ).toBe(3);
    expect(read('spring', 'seller', 'timeline').slots.timeline_months).toBe(4);
  });

  it('STOP, HELP and START in December words', () => {
    expect(readKeywords('got a text from this number about a house?? HELP')).toEqual(['HELP']);
    expect(readKeywords('how do I get these house texts to stop coming')).toEqual(['STOP']);
    expect(readKeywords('stahp pls 🙏 we bought already')).toEqual(['STOP']);
    expect(readKeywords('que se vayan al diablo con sus mensajitos')).toEqual(['STOP']);
    expect(readKeywords('oops that STOP was meant for a different number. we still want to sell')).toEqual([
      'START',
    ]);
    expect(readKeywords("stop, hammertime 🕺 jk. yeah we'd sell for the right price")).toEqual([]);
    expect(readKeywords('make it stop leaking')).toEqual([]);
  });

  it('later, a no, a hostile jab', () => {
    expect(acts('nah not yet. text me after the holidays', 'seller', 'appointment')).toContain('too_early');
    expect(
      acts(
        "we're not even thinking about it until the kids go back to school in august",
        'seller',
        'timeline',
      ),
    ).toContain('too_early');
    expect(acts('can we talk after christmas? house is full of in-laws rn', 'lead', null)).toContain(
      'too_early',
    );
    expect(acts('neither tbh, we just refinanced in october', 'lead', null)).toContain('not_interested');
    expect(
      acts("you've got some nerve after your office botched my sister's sale last year", 'seller', null),
    ).toContain('hostile');
  });

  it('questions: who gave you my number, Jorge or his assistant, is that a problem, is it pricey there', () => {
    expect(acts('oiga, ¿con quién hablo? y mi número, ¿quién se los pasó?', 'lead', null)).toEqual([
      'identity',
      'how_got_number',
    ]);
    expect(acts('¿es usted Jorge o su asistente?', 'lead', null)).toEqual(['identity']);
    expect(acts('no. is that a problem?', 'buyer', 'preapproval')).toEqual(['preapproval_needed']);
    expect(acts('en Corona, ¿es caro por allá?', 'buyer', 'area')).toEqual(['area_info']);
  });
});
