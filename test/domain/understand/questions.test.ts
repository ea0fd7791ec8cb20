import { describe, expect, it } from 'vitest';
import { readQuestionActs } from '../../../src/domain/understand/questions.ts';
import type { Act, AskedQuestion, BotKind, QuestionTopic } from '../../../src/domain/understand/types.ts';

const NOW = new Date('2026-12-04T18:00:00Z');
const read = (text: string, bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null): Act[] =>
  readQuestionActs(text, { bot, lastQuestion, now: NOW });
const topics = (text: string, bot: BotKind = 'lead', lastQuestion: AskedQuestion | null = null) =>
  read(text, bot, lastQuestion)
    .flatMap((act) => (act.act === 'question' ? [act.topic] : []))
    .sort();

describe('question topics a lead asks, typed the way people text', () => {
  it.each<[string, QuestionTopic]>([
    ['hey who is texting me', 'identity'],
    ['whos this??', 'identity'],
    ['sorry who dis', 'identity'],
    ['what company are you with', 'identity'],
    ['who am i speaking with', 'identity'],
    ['how did u guys get my number', 'how_got_number'],
    ['where did you find my info', 'how_got_number'],
    ['who gave you my cell', 'how_got_number'],
    ['i never gave you my number', 'how_got_number'],
    ['is this some kind of scam', 'scam'],
    ['r u even legit', 'scam'],
    ['this feels like a scam', 'scam'],
    ['are you a licensed agent', 'licensed'],
    ['whats your DRE number', 'licensed'],
    ['how much do you guys charge', 'fees_commission'],
    ['what percent commission do u take', 'fees_commission'],
    ['is there a fee for this?', 'fees_commission'],
    ['how much are closing costs usually', 'closing_costs'],
    ['who pays for escrow here', 'closing_costs'],
    ['how does selling with you work', 'process'],
    ['what are the steps to buy', 'process'],
    ['do I need 10% down?', 'process'],
    ['do i have to be preapproved before touring homes', 'preapproval_needed'],
    ['can i look at houses without a preapproval', 'preapproval_needed'],
    ['do i need a loan letter first?', 'preapproval_needed'],
    ['do I need a letter from my bank?', 'preapproval_needed'],
    ['could you email me instead', 'switch_to_email'],
    ['just email me the info please', 'switch_to_email'],
    ['whats my place worth these days', 'home_value'],
    ['how much could we sell our house for', 'home_value'],
    ['wats my house worth', 'home_value'],
    ['is the house on Vineyard still available', 'listing_status'],
    ['did the one on Haven sell already?', 'listing_status'],
    ['is that listing still on the market', 'listing_status'],
    ['are the schools any good in Upland', 'area_info'],
    ['is rancho a safe area', 'area_info'],
    ['hows the market looking', 'market'],
    ['are home prices dropping?', 'market'],
    ['is it a good time to buy right now', 'market'],
    ['can you give me a call tomorrow', 'other'],
    ['what are the HOA dues on it', 'other'],
    ['do you guys speak spanish', 'other'],
  ])('%j asks about %s', (text, topic) => {
    expect(topics(text, 'lead')).toContain(topic);
  });

  it.each<[string, QuestionTopic]>([
    ['quién me escribe?', 'identity'],
    ['de qué compañía son', 'identity'],
    ['cómo sacaron mi número?', 'how_got_number'],
    ['esto es una estafa?', 'scam'],
    ['usted tiene licencia de bienes raíces?', 'licensed'],
    ['cuánto cobra de comisión?', 'fees_commission'],
    ['cuánto son los costos de cierre', 'closing_costs'],
    ['tengo que estar preaprobado para ir a ver casas?', 'preapproval_needed'],
    ['mejor mándeme todo por correo', 'switch_to_email'],
    ['cuánto vale mi casa', 'home_value'],
    ['sigue disponible la casa de la calle Archibald?', 'listing_status'],
    ['qué tal están las escuelas en Chino?', 'area_info'],
    ['cómo anda el mercado?', 'market'],
    ['me puede llamar en la tarde?', 'other'],
  ])('Spanish %j asks about %s', (text, topic) => {
    expect(topics(text, 'lead')).toContain(topic);
  });

  it('reads every question in a run-on message', () => {
    expect(topics('who is this and how did you get my number')).toEqual(['how_got_number', 'identity']);
    expect(topics('whats your commission? also what would my house sell for', 'seller')).toEqual([
      'fees_commission',
      'home_value',
    ]);
  });

  it('after an opt-out keeps only what the lead plainly asked for', () => {
    expect(topics('no more texts please, email only: sam.k@example.com')).toEqual(['switch_to_email']);
    expect(topics('why do you keep texting me')).toEqual([]);
  });

  it('hears a question turned back at the price question as asking what the home is worth', () => {
    expect(topics('idk you tell me', 'seller', 'price')).toEqual(['home_value']);
    expect(topics('idk you tell me', 'buyer', 'needs')).toEqual([]);
  });

  it('hears "do I need to be?" after the pre-approval question', () => {
    expect(topics('no. do we need to be?', 'buyer', 'preapproval')).toEqual(['preapproval_needed']);
  });

  it.each([
    'about 650?',
    '3 bed 2 bath?',
    'maybe next summer?',
    'Fontana?',
    'selling i think?',
    'thanks!',
    'we paid 320 back in 2012',
    'my house is worth more than zillow says',
    'we are closing on our new place next week',
    'the market is crazy lol',
    'why do you people keep texting me',
    'wrong number, who?',
    'how do i unsubscribe',
    'cómo 600 mil',
    'hola',
    'how much? like 700',
    'i already know what its worth',
    'what a week lol',
    'who cares, just sell it',
  ])('%j asks us nothing', (text) => {
    expect(read(text, 'seller', 'price').filter((act) => act.act === 'question')).toEqual([]);
  });
});

describe('bot-or-human questions', () => {
  it.each([
    'wait am i talking to a bot',
    'is this a real human texting',
    'human?',
    'r u AI',
    'eres una persona real?',
    '¿es un robot?',
  ])('%j is sincere', (text) => {
    expect(read(text)).toContainEqual({ act: 'identity_question', sincere: true });
  });

  it.each(['k thanks robot', 'lol ok siri', 'jaja ni eres humano'])('%j is mocking', (text) => {
    expect(read(text)).toContainEqual({ act: 'identity_question', sincere: false });
  });

  it('keeps "who is this" a question about identity, not about bots', () => {
    expect(read('who is this')).toEqual([{ act: 'question', topic: 'identity' }]);
    expect(read('is this jorge or someone from his office?')).toEqual([
      { act: 'question', topic: 'identity' },
    ]);
  });
});
