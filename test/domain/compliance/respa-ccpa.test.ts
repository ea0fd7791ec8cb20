import { describe, expect, it } from 'vitest';
import {
  detectCcpaRequest,
  detectLenderSteeringRequest,
  detectRespaOffer,
} from '../../../src/domain/compliance/index.ts';

describe('detectRespaOffer', () => {
  it.each([
    "I'll give you a referral fee",
    'My lender pays a referral fee to agents',
    'Is there a kickback for you?',
    'I can pay you 1% under the table',
    'We could split the commission with my lender',
    'The title company gives you a bonus for every deal',
    'My mortgage guy will give you a gift card',
    "I'll pay you $500 for sending buyers to my inspector",
    'I can make it worth your while',
    'Te doy una comisión si me mandas clientes',
    'Te pago por debajo de la mesa',
    'Pago por referido a los agentes',
  ])('flags %j', (text) => {
    expect(detectRespaOffer(text)).toBe(true);
  });

  it.each([
    'What is your commission?',
    'My lender is Chase',
    'The title company will send you the documents',
    'We want to kick back by the pool on weekends',
    'I was referred by my cousin',
    'Escrow pays you your commission at closing, right?',
    'Can my lender give you a call?',
    'The seller will pay closing costs',
    'If you recommend a lender that would help',
    'Mi prestamista es Wells Fargo',
  ])('does not flag %j', (text) => {
    expect(detectRespaOffer(text)).toBe(false);
  });
});

describe('detectLenderSteeringRequest', () => {
  it.each([
    'which lender should I use?',
    'Can you recommend a lender?',
    'Do you know a good loan officer?',
    'What title company do you recommend?',
    'Any lender recommendations?',
    'Who should we use for financing?',
    'Do you have a mortgage broker you work with?',
    '¿Qué prestamista me recomiendas?',
    '¿Conoces un buen prestamista?',
  ])('flags %j', (text) => {
    expect(detectLenderSteeringRequest(text)).toBe(true);
  });

  it.each([
    "I'm pre-approved with Chase as my lender",
    'I have a lender already',
    'I know a good lender, thanks',
    'My loan officer is slow',
    'What bank is the seller using',
    'not yet',
    'Ya tengo prestamista',
  ])('does not flag %j', (text) => {
    expect(detectLenderSteeringRequest(text)).toBe(false);
  });
});

describe('detectCcpaRequest', () => {
  it.each([
    'delete my data',
    'Please delete my information',
    'Erase all my personal info',
    'what data do you have on me?',
    'What information do you have about me',
    'do not sell my information',
    "Don't sell my personal data",
    'This is a CCPA request',
    'I am exercising my right to delete',
    'Borra mis datos',
    'Eliminen toda mi información',
    '¿Qué datos tienen de mí?',
    'No vendan mi información',
  ])('flags %j', (text) => {
    expect(detectCcpaRequest(text)).toBe(true);
  });

  it.each([
    'I deleted my info from Zillow',
    'Can you delete my last message?',
    'The data shows prices going up',
    'What information do you need from me?',
    'Do you have information on the HOA?',
    'Sell my house fast',
    'Tengo mis datos del préstamo listos',
  ])('does not flag %j', (text) => {
    expect(detectCcpaRequest(text)).toBe(false);
  });
});
