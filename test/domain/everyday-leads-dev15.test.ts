import { describe, expect, it } from 'vitest';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { converse } from '../support/converse.ts';
import { leadActs, readLead } from '../support/read-lead.ts';

// What leads texted in the fifteenth development split (eval/corpus/*-dev15.jsonl), in the middle
// of the holiday season or after a deal went wrong, as a realtor would want each one taken.
const read = readLead;
const acts = leadActs;

describe('opting out in everyday words, and asking for fewer texts', () => {
  it.each([
    'why am i getting a text every single day about this?? i said march',
    'my attorney is gonna hear about this if you text again',
    'No further messages are necessary, thank you.',
  ])('"%s" is STOP', (text) => {
    expect(readKeywords(text)).toContain('STOP');
  });

  it.each([
    'can you guys ease up on the texts, im at my sons christmas recital. we were thinking 7 fifty',
    'bro chill with the texts im at work',
    'no me manden tantos mensajes porfa, yo les escribo cuando esté lista',
  ])('"%s" asks for fewer texts: no opt-out, a complaint about the texts', (text) => {
    expect(readKeywords(text)).toEqual([]);
    expect(acts(text, 'seller')).toContain('stop_texting');
  });

  it('"chill with the texts, I\'ll reach out when I\'m ready" is still STOP', () => {
    expect(readKeywords("can yall chill with the texts, i'll reach out when im ready")).toContain('STOP');
  });

  it('an opt-out that says the texts are illegal goes to a person as well', () => {
    const [turn] = converse(['im on the do not call registry. this is illegal'], ['Buyer-Lead']);
    expect(turn?.actions).toContainEqual({ type: 'set_contact', optedOut: true });
    expect(turn?.escalation?.reason).toBe('hostile_opt_out');
  });
});

describe('a seller hoping to be sold by a date', () => {
  it('"hoping its sold by end of january" is the timeline, not a sale already made', () => {
    const r = read('hoping its sold by end of january tbh', 'seller', 'timeline');
    expect(r.acts).not.toContainEqual({ act: 'objection', type: 'already_sold' });
    expect(r.slots.timeline_months).toBe(1);
  });

  it('the bot goes on qualifying instead of congratulating them and going quiet', () => {
    const turns = converse(
      [
        'sorry at a work holiday thing rn, but yes still thinking about selling',
        'my husband got transferred to boise, he starts feb 1',
        'hoping its sold by end of january tbh',
        'good shape, we painted inside last year. carpets are a lil worn',
      ],
      ['Seller-Lead'],
    );
    expect(turns[2]?.reply).not.toMatch(/congratulations/i);
    expect(turns[3]?.reply).toMatch(/price/i);
  });

  it('"end of dec" said in December is this month; a bare "december" stays a year away', () => {
    expect(read('end of dec', 'seller', 'timeline').slots.timeline_months).toBe(0);
    expect(read('by the end of december', 'seller', 'timeline').slots.timeline_months).toBe(0);
    expect(read('december', 'seller', 'timeline').slots.timeline_months).toBe(12);
  });

  it('"as fast as possible" and "ready now" are right away', () => {
    expect(read('as fast as possible', 'seller', 'timeline').slots.timeline_months).toBe(0);
    expect(read('ready now, our lease is month to month', 'buyer', 'timeline').slots.timeline_months).toBe(0);
  });

  it('a past setback with a month is no timeline: "got burned on a deal in october", "hours got cut in november"', () => {
    const burned = read(
      'we got burned on a deal in october, the buyers loan fell thru. still want to sell but im gun shy',
      'seller',
      null,
    );
    expect(burned.slots.timeline_months).toBeUndefined();
    expect(burned.slots.condition).toBeUndefined();
    expect(
      read('sell. honestly we need the money, my hours got cut in november', 'seller', null).slots,
    ).toEqual({
      intent: 'sell',
      motivation: 'financial',
    });
  });

  it('"the ac died this summer" is a repair, not a death in the family', () => {
    const r = read(
      'its ok but needs some work, the ac died this summer and i cant afford to fix it',
      'seller',
      'condition',
    );
    expect(r.slots.motivation).not.toBe('death_in_family');
    expect(r.slots.condition).toBe('needs_work');
  });
});

describe('prices beside times, commissions and houses the lead does not want', () => {
  it('"come by friday after 4" is a time, not $400k', () => {
    expect(
      read('around six seventy five. come by friday after 4 and see it', 'seller', 'price').slots.price,
    ).toBe(675000);
  });

  it('"im not paying 6" beside a commission question is a percent', () => {
    expect(
      read('want 720. whats your commission though, im not paying 6', 'seller', 'price').slots.price,
    ).toBe(720000);
  });

  it('houses the lead does not want to be sent are no budget', () => {
    expect(read('max 600 and dont send me 650s like the last agent did', 'buyer', 'budget').slots).toEqual({
      budget_max: 600000,
    });
    expect(
      read('450 tope, y no me vaya a salir con casas de 500 como el otro agente', 'buyer', 'budget').slots,
    ).toEqual({
      budget_max: 450000,
    });
  });
});

describe('objections said in passing', () => {
  it.each([
    ['not listing til spring at the earliest so havent really thought about price', 'seller', 'too_early'],
    ['prob not for another 18 months or so, we just refinanced', 'seller', 'too_early'],
    ['gonna pass for now, appreciate it', 'lead', 'not_interested'],
    [
      "honestly i think we're gonna keep renting, the numbers just don't work for us. thx",
      'buyer',
      'not_interested',
    ],
    ["we ended up buying my cousins house so we're set, sorry!", 'buyer', 'already_bought'],
    ['how about mind your business', 'lead', 'hostile'],
    ['u guys are kinda pushy ngl', 'buyer', 'stop_texting'],
    [
      'Good evening. Thank you for your message, but my husband and I have decided to remain in our home.',
      'seller',
      'not_interested',
    ],
  ] as const)('"%s" (%s) is %s', (text, bot, type) => {
    expect(acts(text, bot)).toContain(type);
  });

  it('"why are realtors so pushy" and "I have it on zillow" are no objection of those kinds', () => {
    expect(acts('why are realtors so pushy omg', 'lead')).not.toContain('stop_texting');
    expect(acts('I have it on zillow as for sale by owner', 'seller')).not.toContain('just_looking');
  });

  it('a polite no is not pitched again', () => {
    const turns = converse(
      [
        'Good evening. Thank you for your message, but my husband and I have decided to remain in our home.',
        'We appreciate your time and wish you a blessed Christmas. Helen',
      ],
      ['Seller-Lead'],
    );
    expect(turns[0]?.reply ?? '').not.toMatch(/\?/);
    expect(turns[1]?.reply ?? '').not.toMatch(/\?/);
  });
});

describe('questions back, short and in Spanish', () => {
  it.each([
    ['comprar. necesito precalificar antes de ver casas o cómo es?', 'buyer', 'preapproval_needed'],
    ['sí ya tengo la carta, qué sigue?', 'buyer', 'process'],
    ['whats your brokerage? then we can talk numbers', 'seller', 'identity'],
    [
      'is this another agent? our last one sat on our listing for 4 months and did nothing',
      'seller',
      'identity',
    ],
    ['alta loma. also any update on a price drop for the one off carnelian?', 'buyer', 'listing_status'],
    ['lo antes posible si la casa de Fontana sigue libre, ¿sigue?', 'buyer', 'listing_status'],
    ['tengo que pagarle yo a usted o el vendedor?', 'buyer', 'fees_commission'],
    ['en cuánto se vende mi casa hoy en día?', 'seller', 'home_value'],
    ['need 4 bed. is the mello roos bad in the newer parts of rancho?', 'buyer', 'area_info'],
  ] as const)('"%s" (%s) asks %s', (text, bot, topic) => {
    expect(acts(text, bot)).toContain(topic);
  });

  it('"podemos dejarlo para la semana que entra" at the appointment moves it', () => {
    expect(acts('podemos dejarlo para la semana que entra mejor?', 'buyer', 'appointment')).toContain(
      'reschedule',
    );
  });

  it('"cualquier día después del 2 de enero" and "only free on weekends" are times that suit the lead', () => {
    expect(
      acts('cualquier día después del 2 de enero, ahorita andamos de viaje', 'buyer', 'appointment'),
    ).toContain('time_preference');
    expect(
      acts('within a month hopefully. and im only free to look on weekends', 'buyer', 'appointment'),
    ).toContain('time_preference');
  });
});

describe('moving an appointment after it was set', () => {
  it('the lead hears that Jorge will confirm the new time, and Jorge gets the task with their words', () => {
    const turns = converse(
      [
        'hi yes we want to sell',
        'moving to texas for work',
        'by march',
        'its in good shape',
        'around 650',
        'thursday at 5 works',
        'actually can we move it to friday? something came up',
      ],
      ['Seller-Lead'],
    );
    const asked = turns[5]?.actions.find((a) => a.type === 'create_task');
    expect(asked).toMatchObject({ body: expect.stringContaining('"thursday at 5 works"') });
    expect(turns[6]?.reply).toMatch(/Jorge will reach out to confirm the new time/);
    expect(turns[6]?.actions).toContainEqual(
      expect.objectContaining({ type: 'create_task', title: 'Lead asks to move the appointment' }),
    );
  });
});
