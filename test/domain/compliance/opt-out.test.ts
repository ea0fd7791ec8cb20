import { describe, expect, it } from 'vitest';
import { detectOptIn, detectOptOut } from '../../../src/domain/compliance/index.ts';

describe('detectOptOut', () => {
  it.each([
    'STOP',
    'stop',
    'Stop.',
    'STOP!!',
    'stop please',
    'Please stop',
    'ok stop',
    'STOP STOP STOP',
    'STOPALL',
    'Unsubscribe',
    'unsubscribe me please',
    'How do I unsubscribe from these?',
    'CANCEL',
    'cancel please',
    'END',
    'End.',
    'QUIT',
    'quit!',
    'opt out',
    'Opt-out',
    'Please opt me out',
    'remove me',
    'Remove me from your list',
    'please remove my number',
    'stop texting me',
    'Please stop texting me.',
    'Can you stop messaging me',
    'Stop sending me these messages',
    'stop the texts',
    'take me off your list',
    'Take me off this list now',
    "don't text me",
    "Don't text me again",
    'do not contact me',
    'lose my number',
    'Not interested. STOP',
    'Not interested, stop',
    'I said stop',
    'leave me alone',
    "I don't want any more texts",
    'No more texts please',
    // Alone, as a reply to our texts, it ends them; as a limit inside a sentence it does not.
    'no more',
    'Quit texting me',
    'stop contacting me, I already sold',
    "Please don't message me anymore",
    'Parar',
    'para',
    'PARA YA',
    'Cancelar',
    'baja',
    'Baja por favor',
    'no me escribas',
    'No me escribas más',
    'No me envíen mensajes',
    'Deja de escribirme',
    'Quiero darme de baja',
    'Sácame de tu lista',
    'No quiero recibir más mensajes',
    'Stop. I already sold the house.',
    'STOP TEXTING ME!!!',
    'stop txting me',
    'please take me off your mailing list',
    'STOP 🛑',
    "i'm not interested, please remove me",
    'Who is this? Stop texting me',
    'No me interesa, no me escriban',
    'Do not text this number again',
    'stop calling and texting me',
  ])('opts out on %j', (text) => {
    expect(detectOptOut(text)).toBe(true);
  });

  it.each([
    "I can't stop thinking about selling",
    'no more than 500k',
    // Not an unsubscribe: the objection policy apologises and never texts the number again.
    'wrong number',
    'número equivocado',
    'cancel my listing with my old agent',
    'the end of the month',
    'I quit my job and moving to Texas',
    'Can you stop by the house tomorrow?',
    'We need to stop paying rent',
    'The bus stop is right there',
    'Is there a stop sign at the corner?',
    'I had to cancel the inspection',
    'By the end of the year',
    'The end unit has more light',
    'My lease ends in June',
    'quiet street with a dead end',
    'Remove the carpet before listing?',
    'remove me from the title, my ex is still on it',
    'Please stop texting me so early',
    "Don't text me before 9am",
    "don't text me after 8pm please",
    'para cuando se puede ver la casa?',
    'Busco casa para mi familia',
    'Es para mi mamá',
    'El precio bajó mucho',
    'Vivo en Baja California',
    'Casa en Baja, California',
    'No más de 500 mil',
    'Ya no, gracias',
    '3 bedrooms, no more.',
    "I won't stop looking until I find the right one",
    "Don't stop sending listings!",
    'Please keep texting me',
    'Stop Wait',
    'start',
    '',
    '   ',
    'no me escribas antes de las 9',
    'Parar en la casa a las 5?',
    "Let's end the call and text instead",
    'We will end up moving anyway',
    'para mi esposa',
  ])('does not opt out on %j', (text) => {
    expect(detectOptOut(text)).toBe(false);
  });
});

describe('detectOptIn', () => {
  it.each([
    'START',
    'start',
    'Start please',
    'UNSTOP',
    'unstop',
    'YES',
    'yes',
    'opt in',
    'Opt me back in',
    'You can text me again',
    'Sí',
    'comenzar',
    'Puedes escribirme otra vez',
  ])('opts in on %j', (text) => {
    expect(detectOptIn(text)).toBe(true);
  });

  it.each([
    'start looking in the spring',
    'We want to start a family',
    'yes but only if the price is right',
    'stop',
    'When does the open house start?',
    '',
    'Starting to think about selling',
  ])('does not opt in on %j', (text) => {
    expect(detectOptIn(text)).toBe(false);
  });
});

describe('keywords spelled out letter by letter', () => {
  it.each([
    'S T O P',
    's t o p',
    'S.T.O.P',
    's.t.o.p.',
    'S-T-O-P',
    'S T O P !',
    'U N S U B S C R I B E',
    'Q U I T',
  ])('%s is an opt-out', (text) => {
    expect(detectOptOut(text)).toBe(true);
  });
  it.each(['a b c', 'I T', 'S T O P by the house later', 'T.B.D.', 'A B C D E F G H'])(
    '%s is not',
    (text) => {
      expect(detectOptOut(text)).toBe(false);
    },
  );
  it('S T A R T opts back in', () => {
    expect(detectOptIn('S T A R T')).toBe(true);
  });
});
