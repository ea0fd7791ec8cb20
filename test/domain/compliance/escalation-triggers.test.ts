import { describe, expect, it } from 'vitest';
import {
  type DistressKind,
  detectCommissionQuestion,
  detectDistress,
  detectHarassment,
  detectHumanRequest,
} from '../../../src/domain/compliance/index.ts';

describe('detectHumanRequest', () => {
  it.each([
    'talk to Jorge',
    'Can I talk to Jorge?',
    'I want to speak with a real person',
    'can I speak to a real person',
    'Let me talk to a human',
    'call me',
    'Call me back please',
    'Can you call me tomorrow at 10?',
    'can someone call me next month',
    'call me next week',
    'have the agent call me',
    'Have Jorge call me when he can',
    'Give me a call',
    'Get me a real person',
    'real person please',
    'Agent',
    "What's Jorge's number?",
    'Is Jorge available today?',
    "I'd rather talk on the phone",
    'Quiero hablar con una persona',
    'Llámame por favor',
    '¿Puedo hablar con Jorge?',
    'Prefiero hablar por teléfono',
    'No, call me tomorrow',
    'is there a real person i can talk to',
    'is there someone I could speak with about selling',
  ])('flags %j', (text) => {
    expect(detectHumanRequest(text)).toBe(true);
  });

  it('uses the configured agent name', () => {
    expect(detectHumanRequest('Can I talk to Maria?', 'Maria')).toBe(true);
    expect(detectHumanRequest('Can I talk to Maria?', 'Jorge')).toBe(false);
    expect(detectHumanRequest("What's Maria's number?", 'María')).toBe(true);
    expect(detectHumanRequest('Can I talk to Jorge?', 'Jorge Salas')).toBe(true);
    expect(detectHumanRequest('Quiero hablar con Jorge Salas', 'Jorge Salas')).toBe(true);
  });

  it.each([
    "Don't call me, text only",
    'Please do not call me',
    'Call me crazy but I love this house',
    'You can call me Mike',
    "I'll talk to my husband tonight",
    'I need an agent to sell my house',
    'I called my lender yesterday',
    'We talked to a lender already',
    'No me llames',
    'Recibí una llamada del banco',
    'I will call you later',
    'text me the details',
    'the person i can talk to about this is my wife',
    'my mom is the one i can talk to',
  ])('does not flag %j', (text) => {
    expect(detectHumanRequest(text)).toBe(false);
  });
});

describe('detectDistress', () => {
  it.each<[string, DistressKind]>([
    ["We're facing foreclosure", 'foreclosure'],
    ['The bank is foreclosing on us next month', 'foreclosure'],
    ['Got a notice of default last week', 'foreclosure'],
    ['We filed for bankruptcy', 'bankruptcy'],
    ['Chapter 13 plan is ending', 'bankruptcy'],
    ['My attorney says to wait', 'attorney'],
    ['Talk to my lawyer', 'attorney'],
    ['Power of attorney for my mom', 'attorney'],
    ['There is a lawsuit over the fence', 'lawsuit'],
    ["I'm going to sue the builder", 'lawsuit'],
    ['We got sued by the HOA', 'lawsuit'],
    ['The house is in probate', 'probate'],
    ["I'm the executor of my dad's estate", 'probate'],
    ['Can we do a short sale?', 'short_sale'],
    ['La casa está en ejecución hipotecaria', 'foreclosure'],
    ['Me declaré en bancarrota', 'bankruptcy'],
    ['Mi abogado dice que esperemos', 'attorney'],
    ['Tengo una demanda con el vecino', 'lawsuit'],
    ['Estamos en juicio sucesorio', 'probate'],
  ])('%j → %s', (text, kind) => {
    expect(detectDistress(text)).toBe(kind);
  });

  it('prefers the most specific kind', () => {
    expect(detectDistress('My lawyer says we should file bankruptcy')).toBe('bankruptcy');
    expect(detectDistress('My attorney handles the probate')).toBe('probate');
  });

  it.each([
    'Sue and I want to sell in spring',
    "I'll take you to see it Saturday",
    'Are there any foreclosures for sale in Etiwanda?',
    'Looking for short sales or bank owned deals',
    'Hay mucha demanda en la zona',
    'A mi juicio el precio es alto',
    'Busco casas en remate',
    'the end of the month',
    'We owe about 300k on it',
    'Estate sale furniture included',
  ])('does not flag %j', (text) => {
    expect(detectDistress(text)).toBeNull();
  });
});

describe('detectCommissionQuestion', () => {
  it.each([
    "what's your commission",
    'What do you charge?',
    'How much do you charge to list?',
    'are you 6%?',
    'Would you take 2.5%?',
    'Is your commission negotiable?',
    'What are the agent fees?',
    'Will you do it for 4 percent?',
    '¿Cuánto cobras?',
    '¿Cuál es tu comisión?',
  ])('%j is a commission question', (text) => {
    expect(detectCommissionQuestion(text)).toBe('commission');
  });

  it.each([
    'will you co-broke?',
    "I'm an agent with a buyer, what's the co-op",
    'do you pay buyer agent compensation',
    "What's the buyer's agent commission on this one?",
    'Are you offering a co-op commission?',
    'I have a buyer interested, what do you pay the buyer side?',
    '¿Ofreces comisión compartida?',
  ])('%j is a co-broke question', (text) => {
    expect(detectCommissionQuestion(text)).toBe('co_broke');
  });

  it.each([
    'I can put 20% down',
    'My interest rate is 6%',
    'Can you do 5% down with FHA?',
    'What would you get for my house?',
    "What's the HOA fee?",
    'Is it a co-op building?',
    'I am a realtor and want to sell my own house',
    'What percent down do I need?',
    'How much will you take off the price?',
    'Prices went up 5 percent this year',
    'are you 100% sure?',
    'How much would you list it for?',
    'My brother is an agent, he said 3%',
  ])('%j is not a commission question', (text) => {
    expect(detectCommissionQuestion(text)).toBeNull();
  });
});

describe('detectHarassment', () => {
  it.each([
    "I'll kill you",
    'I know where you live',
    'Watch your back',
    'fuck you',
    'Fuck off already',
    "you're a stupid bitch",
    'send nudes',
    'What are you wearing?',
    'You sound sexy',
    'Te voy a matar',
    'Vete a la mierda',
    'Eres una pendeja',
    'Mándame fotos desnuda',
  ])('flags %j', (text) => {
    expect(detectHarassment(text)).toBe(true);
  });

  it.each([
    'this is annoying',
    'Stop wasting my time',
    'This market is killing me',
    "I'd kill for a pool",
    'wtf, the price went up again?',
    'This is so frustrating, the fucking lender is slow',
    'The house is a hot deal',
    'I will beat your best offer',
    'Fire retardant roof',
    '¡Qué rico, me encanta la cocina!',
    'Estoy harto de esperar',
    'Dumb question, is the garage attached?',
    'You guys are useless',
    'This bot is stupid',
    'shut up',
  ])('does not flag %j', (text) => {
    expect(detectHarassment(text)).toBe(false);
  });
});
