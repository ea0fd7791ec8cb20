import { describe, expect, it } from 'vitest';
import { loadListings } from '../../src/adapters/listings/load-listings.ts';
import { readKeywords } from '../../src/domain/compliance/keywords.ts';
import { parseSlotChoice } from '../../src/domain/scheduling.ts';
import { readUtterance } from '../../src/domain/understand/read-utterance.ts';
import type { AskedQuestion, BotKind } from '../../src/domain/understand/types.ts';
import { converse } from '../support/converse.ts';

// What leads texted in the fifth development split (eval/corpus/*-dev5.jsonl), as a realtor would
// want each one taken.
const read = (text: string, bot: BotKind, lastQuestion: AskedQuestion | null) =>
  readUtterance(text, { bot, lastQuestion, now: new Date('2026-12-04T18:00:00Z') });

describe('opt-outs, HELP and START in the words leads use', () => {
  it.each([
    'is there a way to make these texts stop coming',
    'I want off your list NOW',
    'just go away man',
    'cómo hago para que ya no me lleguen estos mensajes?',
    'i dont consent to these messages',
    'stop stop i already told u',
    'Bájame de la lista porfa',
    'what do I reply to get off this',
    'this is straight up harassment',
  ])('%j is an opt-out', (text) => {
    expect(readKeywords(text)).toEqual(['STOP']);
  });

  it.each([
    'the pain of moving just wont go away',
    'I never agreed to that price',
    'come stop by anytime after 3 on saturday',
  ])('%j is not', (text) => {
    expect(readKeywords(text)).toEqual([]);
  });

  it('a question about what the texts are is HELP, and an unsubscribe taken back is START', () => {
    expect(readKeywords('help?? i dont know what this is')).toEqual(['HELP']);
    expect(readKeywords('ayuda, no sé qué es esto')).toEqual(['HELP']);
    expect(readKeywords('me di de baja sin querer, sí quiero los mensajes')).toEqual(['START']);
  });
});

describe('everyday answers', () => {
  it('reads the house from what was done to it', () => {
    expect(read('remodeled kitchen and baths, really nice', 'seller', 'condition').slots.condition).toBe(
      'excellent',
    );
    expect(read('we redid the kitchen', 'seller', 'condition').slots.condition).toBe('excellent');
    expect(read('its good, we updated the bathrooms last year', 'seller', 'condition').slots.condition).toBe(
      'good',
    );
    expect(read('original but well kept', 'seller', 'condition').slots.condition).toBe('fair');
    expect(read('bien, está nueva', 'seller', 'condition').slots.condition).toBe('excellent');
    const trashed = read(
      'its rough, they did a number on it. holes in walls, carpet trashed',
      'seller',
      'condition',
    );
    expect(trashed.slots.condition).toBe('needs_work');
    // Describing the damage is no anger at us: nobody is handed over for it.
    expect(trashed.acts.some((a) => a.act === 'feeling')).toBe(false);
  });

  it('reads the reason, the date and the price beside each other', () => {
    expect(read('we bought a bigger place in Eastvale', 'seller', 'motivation').slots.motivation).toBe(
      'bought_another',
    );
    expect(
      read("tenants leave in feb and I'm not renting it again", 'seller', 'motivation').slots.motivation,
    ).toBe('tenants');
    expect(
      read(
        'we bought a place in Menifee so we need ours gone by the end of january if we can',
        'seller',
        'motivation',
      ).slots.timeline_months,
    ).toBe(1);
    expect(read('whatever gets me out, 500?', 'seller', 'price').slots.price).toBe(500000);
    expect(read('hola sí, vendemos', 'lead', null).slots.intent).toBe('sell');
  });

  it('a correction later in the message wins for the city, the rooms and the condition', () => {
    expect(read('Fontana. actually no, Rialto is cheaper, lets do Rialto', 'buyer', 'area').slots.area).toBe(
      'Rialto',
    );
    expect(read('2 bed is fine. hmm make that 3, we want an office', 'buyer', 'needs').slots.bedrooms).toBe(
      3,
    );
    expect(
      read("I'd say excellent. ok maybe good, the carpets are kinda gross", 'seller', 'condition').slots
        .condition,
    ).toBe('good');
  });

  it('reads money trouble, a burial and taxes in Spanish as the reason to sell', () => {
    const m = (text: string) => read(text, 'seller', 'motivation').slots;
    expect(m('me atrasé 3 meses con la hipoteca y ya no sé qué hacer')).toEqual({ motivation: 'financial' });
    expect(m('es urgente, el banco ya mandó aviso de remate').motivation).toBe('financial');
    expect(m('perdón que no contesté, enterramos a mi abuelo la semana pasada').motivation).toBe(
      'death_in_family',
    );
    expect(m('ya basta de pagar impuestos tan altos, por eso vendo').motivation).toBe('taxes');
    expect(
      read('roof is at the end of its life, otherwise fine', 'seller', 'condition').slots.condition,
    ).toBe('needs_work');
  });

  it('an "ok" before a "not yet" is still a no', () => {
    expect(read('ok, todavía no', 'buyer', 'preapproval').slots).toMatchObject({
      preapproved: false,
      yes_no: 'no',
    });
    expect(read('ok we are', 'buyer', 'preapproval').slots.preapproved).toBe(true);
  });

  it('hears "we are going to list with my nephew, he just got his license" as a no', () => {
    const r = read(
      "actually my nephew just got his real estate license so we're gonna list with him, sorry",
      'seller',
      'condition',
    );
    expect(r.acts).toContainEqual({ act: 'objection', type: 'listed_with_other' });
    expect(
      read('we just got our offer accepted on a townhouse in Fontana last night!!', 'buyer', 'timeline').acts,
    ).toContainEqual({ act: 'objection', type: 'already_bought' });
  });
});

describe('conversations', () => {
  it('a real estate licence is no death in the family', () => {
    const ds = converse(
      [
        'we might sell, we want to be closer to the grandkids in Texas',
        'spring probably',
        "actually my nephew just got his real estate license so we're gonna list with him, sorry",
      ],
      ['Seller-Lead'],
    );
    expect(ds.at(-1)?.reply ?? '').not.toMatch(/loss/i);
    expect(ds.at(-1)?.reply ?? '').not.toMatch(/\?/);
  });

  it('after "do I need to be pre-approved?" the bot asks whether they are', () => {
    const ds = converse(['do I need to be preapproved to look?', 'ok we are, Navy Federal'], ['Buyer-Lead']);
    expect(ds[0]?.reply).toMatch(/pre-approv/i);
    expect(ds[0]?.reply).toMatch(/Are you pre-approved|cash\?/);
    expect(ds[1]?.state.facts.financing).toBe('pre_approved');
  });

  it('what a home is worth, asked in Spanish, is answered, never called off-topic', () => {
    const ds = converse(
      ['ok. queremos vender la casa de mi suegro en Pomona', 'cuánto cree que valga?'],
      ['Seller-Lead'],
    );
    expect(ds.at(-1)?.reply ?? '').not.toMatch(/solo puedo ayudarle con bienes ra/i);
  });

  it('a ready buyer writing in Spanish is offered times beside the homes that fit', () => {
    const ds = converse(
      ['ok, buscamos algo como 600', 'ya nos aprobaron', 'lo más pronto posible', 'Rancho'],
      ['Buyer-Lead'],
      {
        calendar: true,
        slots: ['2026-12-07T18:00:00.000Z', '2026-12-08T18:00:00.000Z', '2026-12-09T18:00:00.000Z'],
        listings: loadListings(),
      },
    );
    const last = ds.at(-1)?.reply ?? '';
    expect(last).toMatch(/1\) .* 2\) .* 3\) /);
    expect(last).toMatch(/casas le quedan, la mejor es .*\$\d{3}k/);
    expect(last.length).toBeLessThanOrEqual(160);
  });
});

describe('after a no or a booking', () => {
  it('a lead we stopped questioning who asks for the agent is handed to a person', () => {
    const ds = converse(
      [
        'this is the 4th message this week and nobody has actually sent me a single listing',
        "I'm done with this. have Jorge call me or I'm going with someone else",
      ],
      ['Buyer-Lead'],
    );
    expect(ds[0]?.reply).toMatch(/stop the questions/);
    expect(ds[1]?.escalation?.reason).toBe('human_request');
    expect(ds[1]?.reply).toMatch(/Jorge/);
  });

  it('cancelling after a time was set is never answered with "see you at the appointment"', () => {
    const ds = converse(
      [
        "hey it's Tom, we set up a time with Jorge for thursday at 4",
        'something came up, can we do friday instead? same time',
        "actually can we cancel the friday one and I'll text when things calm down at work",
      ],
      [],
      {
        calendar: true,
        slots: ['2026-12-04T21:00:00.000Z', '2026-12-07T18:00:00.000Z', '2026-12-08T18:00:00.000Z'],
      },
    );
    expect(ds[1]?.actions.some((a) => a.type === 'book_appointment')).toBe(false);
    const last = ds.at(-1)?.reply ?? '';
    expect(last).toMatch(/cancel/i);
    expect(last).not.toMatch(/see you/i);
  });
});

describe('picking an offered time', () => {
  const offered = ['2026-12-04T21:00:00Z', '2026-12-07T18:00:00Z', '2026-12-08T18:00:00Z'];
  const pick = (text: string) => parseSlotChoice(text, offered, 'America/Los_Angeles');

  it('books only the time the lead named', () => {
    expect(pick('friday')).toEqual({ index: 0 });
    expect(pick('friday at 1')).toEqual({ index: 0 });
    expect(pick('tuesday morning')).toEqual({ index: 2 });
    // Friday is offered at 1 pm: "at 4" or "same time" as some other day is not that slot.
    expect(pick('friday at 4')).toBeNull();
    expect(pick('something came up, can we do friday instead? same time')).toBeNull();
    expect(pick('monday afternoon')).toBeNull();
  });
});
