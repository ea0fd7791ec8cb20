import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  followLanguage,
  isChangedMind,
  isGreeting,
  isKeyboardMash,
  isVague,
  mentionsAdOrReferral,
} from '../../../src/domain/language/index.ts';

describe('isVague', () => {
  it.each([
    ['maybe'],
    ['k'],
    ['idk'],
    ['not sure'],
    ['Not sure.'],
    ["we'll see"],
    ['hmm'],
    ['hmmmm'],
    ['?'],
    ['...'],
    ['idk maybe'],
    ['um idk'],
    ['i guess'],
    ['quizás'],
    ['no sé'],
    ['tal vez'],
    ['ni idea'],
  ])('%j is vague', (text) => {
    expect(isVague(text)).toBe(true);
  });

  it.each([
    ['no'],
    ['yes'],
    ['650k'],
    ['I dont know, maybe next year'],
    [''],
    ['3 beds'],
    ['moving to Texas'],
  ])('%j is an answer (or nothing)', (text) => {
    expect(isVague(text)).toBe(false);
  });
});

describe('isKeyboardMash', () => {
  it.each([['asdfjkl'], ['sdkjfhskdjf'], ['qwerty'], ['zxcvbnm'], ['jjjjjjj'], ['asdf asdf']])(
    '%j is mash',
    (text) => {
      expect(isKeyboardMash(text)).toBe(true);
    },
  );

  it.each([
    ['property'],
    ['hello'],
    ['hmmmm'],
    ['lol'],
    ['strengths'],
    ['rhythms'],
    ['etiwanda'],
    ['650k'],
    [''],
  ])('%j is not mash', (text) => {
    expect(isKeyboardMash(text)).toBe(false);
  });
});

describe('isChangedMind', () => {
  it.each([
    ['changed my mind'],
    ['not selling anymore'],
    ['never mind'],
    ['nvm'],
    ['we decided to stay'],
    ['we are taking it off the market'],
    ['no longer interested'],
    ['ya no quiero vender'],
    ['cambiamos de opinión'],
  ])('%j changes their mind', (text) => {
    expect(isChangedMind(text)).toBe(true);
  });

  it.each([['I want to sell'], ['not sure yet'], ['no rush'], ['quiero vender']])('%j does not', (text) => {
    expect(isChangedMind(text)).toBe(false);
  });
});

describe('isGreeting', () => {
  it.each([
    ['hi'],
    ['Hello!'],
    ['hey jorge'],
    ['good morning!'],
    ['hi there, how are you?'],
    ['hola'],
    ['buenas tardes'],
    ['hola buenos dias'],
  ])('%j is a greeting', (text) => {
    expect(isGreeting(text)).toBe(true);
  });

  it.each([['hi I want to sell my house'], ['hola quiero comprar'], ['650k'], ['this is a hard decision']])(
    '%j is more than a greeting',
    (text) => {
      expect(isGreeting(text)).toBe(false);
    },
  );
});

describe('mentionsAdOrReferral', () => {
  it.each([
    ['saw your ad'],
    ['I saw your ad on facebook'],
    ['my friend referred me'],
    ['got your postcard'],
    ['saw your sign on haven'],
    ['Maria gave me your number'],
    ['vi su anuncio'],
    ['me recomendaron con usted'],
  ])('%j mentions an ad or referral', (text) => {
    expect(mentionsAdOrReferral(text)).toBe(true);
  });

  it.each([['I want to sell'], ['hi'], ['add me to the list']])('%j does not', (text) => {
    expect(mentionsAdOrReferral(text)).toBe(false);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['hola quiero vender mi casa', 'es'],
    ['sí', 'es'],
    ['gracias', 'es'],
    ['necesito 3 recámaras', 'es'],
    ['en 2 meses', 'es'],
    ['¿cuánto vale?', 'es'],
    ['Hi, I want to sell my house', 'en'],
    ['yes', 'en'],
    ['looking to buy in etiwanda', 'en'],
    ['hi quiero vender', 'es'],
    // Spanish opt-outs and Spanglish openers
    ['ALTO', 'es'],
    ['no me escribas', 'es'],
    ['hola yes vendemos', 'es'],
    ['pues si, comprando', 'es'],
  ])('%j → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each([
    ['porque we got a job offer in Houston', 'es', 'es'],
    ['ok the house is fine, gracias', 'es', 'es'],
    ['we are moving to Houston for work', 'es', 'en'],
    ['hola yes vendemos', 'en', 'es'],
    ['we want to sell', 'en', 'en'],
    ['650k', 'es', 'es'],
  ] as const)('after %j a conversation in %s goes on in %s', (text, current, next) => {
    expect(followLanguage(text, current)).toBe(next);
  });

  it.each([['ok'], ['650k'], ['no'], ['3/2'], ['']])('%j is too short to tell', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });
});
