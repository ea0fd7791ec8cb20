import { describe, expect, it } from 'vitest';
import { checkOutbound } from '../../../src/domain/compliance/index.ts';
import { detectHelp, readKeyword, readKeywords } from '../../../src/domain/compliance/keywords.ts';
import { detectOptOut, detectRevocation } from '../../../src/domain/compliance/opt-out.ts';
import { t } from '../../../src/domain/templates/index.ts';

// The keyword policy of eval/corpus/README.md, one block per bullet, in our own words.

describe('STOP: carrier keywords and misspellings', () => {
  it.each([
    'STOP',
    'Stop!!!',
    'stop now please',
    'STOPALL',
    'Unsubscribe.',
    'CANCEL',
    'end',
    'Quit',
    'OPTOUT',
    'Opt Out!',
    'revoke',
    'stahhp',
    'Sotp',
    'STOPP',
    'stooop!',
    'E-N-D',
    'u n s u b',
    'ugh stop',
    'stop lol',
    'i said STOP already',
  ])('%j is STOP', (text) => {
    expect(readKeyword(text)).toBe('STOP');
  });
});

describe('STOP: requests in any wording', () => {
  it.each([
    'Please quit texting me',
    'can you take us off this list',
    'take my number off your list thanks',
    'remove my number from your system',
    'erase my number',
    'do not contact, thanks',
    'DNC!',
    'please add me to the do not call list',
    'no more messages from you',
    'no more pls',
    'leave us alone',
    'please just go away',
    'get lost',
    'f off already',
    'this is harassment, stop it',
    'why do you guys keep messaging me',
    'I told you to stop twice',
    'what part of STOP is unclear',
    'not interested so please stop',
    'wrong number, please remove',
    "we sold already, don't text me again",
    'please stop sending me listings',
    'stop texting me after today',
  ])('%j is STOP', (text) => {
    expect(readKeyword(text)).toBe('STOP');
  });
});

describe('STOP: Spanish', () => {
  it.each([
    'ya no me escriban por favor',
    'Baja.',
    'denme de baja',
    'Alto!',
    'PARA.',
    'basta ya',
    'déjeme en paz',
    'no nos vuelvan a contactar',
    'dejen de molestar ya',
    'para ya con esos mensajes',
    'quítenme de su lista',
    'no quiero más textos',
  ])('%j is STOP', (text) => {
    expect(readKeyword(text)).toBe('STOP');
  });
});

describe('STOP: threats about further contact, and asking how to unsubscribe', () => {
  it.each([
    'text me again and I am reporting you',
    "I'll sue you if you message me one more time",
    'reporting this number to the FCC',
    'los voy a reportar',
    'how can I get these texts to stop',
    'how do I stop these?',
    'what do I reply to opt out',
    '¿cómo me doy de baja?',
  ])('%j is STOP', (text) => {
    expect(readKeyword(text)).toBe('STOP');
  });

  it('"no more texts, email only" revokes texts and asks for email', () => {
    expect(readKeyword('no more texts pls, use my email instead: a.b@example.com')).toBe('STOP');
  });

  it('a threat that does not threaten is ordinary talk', () => {
    expect(readKeyword('if you text me again tomorrow I will have the numbers')).toBeNull();
    expect(readKeyword('our lawyer is handling the trust')).toBeNull();
    expect(readKeyword('the inspection report looked fine')).toBeNull();
  });
});

describe('a bare cancel', () => {
  it('is STOP, even when it may be about an appointment', () => {
    expect(readKeyword('Cancel')).toBe('STOP');
    expect(readKeyword('cancel pls')).toBe('STOP');
  });

  it('with an object, or as a question, is only about the appointment', () => {
    expect(readKeyword('cancel the 2pm and do 4 instead?')).toBeNull();
    expect(readKeyword('please cancel the showing, something came up')).toBeNull();
    expect(readKeyword('how can I cancel?')).toBeNull();
    expect(readKeyword('tengo que cancelar la cita del sábado')).toBeNull();
  });
});

describe('not STOP', () => {
  it.each([
    'no',
    'Nope',
    'not interested thanks',
    'agents are leeches',
    'you guys are the worst',
    'you text way too much',
    'too many messages lol',
    'can you text less often',
    'quit asking me so many questions',
    'stop asking me stuff and just give me a number',
  ])('%j is no keyword', (text) => {
    expect(readKeywords(text)).toEqual([]);
  });
});

describe('ordinary talk with a trigger word', () => {
  it.each([
    'you can swing by and stop at the house after 5',
    'I keep going back to those photos, cannot stop looking at that kitchen',
    'the end of next month works',
    "I'm quitting my job in March so we need to sell",
    'can we cancel the 2pm and do 4 instead',
    'stop sending me condos in Ontario, I want Chino',
    "stop sending listings over 800, we're capped at 750",
    "Don't stop sending listings, we love them",
    'we stopped at the open house on Base Line',
    'how do I make it stop leaking before we list',
    'para fin de mes',
    'paramos a ver la casa el sábado',
    'para cuándo podemos verla?',
    'ya dejé de buscar en Fontana',
    'I want 3 bedrooms, no more',
    'go away for the holidays and we can list in January',
  ])('%j is no keyword', (text) => {
    expect(readKeywords(text)).toEqual([]);
  });
});

describe('wrong number', () => {
  it('is no STOP and no unsubscribe: the wrong-number objection policy stops the texts instead', () => {
    expect(readKeyword('wrong number sorry')).toBeNull();
    expect(detectRevocation('número equivocado, perdón')).toBe(false);
    expect(detectOptOut('wrong number sorry')).toBe(false);
    expect(detectOptOut('número equivocado, perdón')).toBe(false);
  });

  it('with a request to stop is STOP', () => {
    expect(readKeyword('wrong number, stop texting me')).toBe('STOP');
  });
});

describe('HELP', () => {
  it.each([
    'HELP',
    'help?',
    'Help!!',
    '?help',
    'INFO',
    'info pls',
    'AYUDA',
    'ayuda por favor',
    'ayúdame',
    'help me',
    'help me!',
    'help, who are you?',
    'HELP what is this about',
    'ayuda, ¿quién es?',
  ])('%j is HELP', (text) => {
    expect(readKeyword(text)).toBe('HELP');
  });

  it.each([
    'help me sell my house',
    'help me find a 4 bedroom in Upland',
    'can you help us figure out a budget',
    'help! the buyers backed out and we close in 2 weeks',
    'ayúdenme a vender la casa',
    'necesito ayuda con el préstamo',
    'more info on the one on Haven please',
  ])('%j is no keyword', (text) => {
    expect(detectHelp(text)).toBe(false);
    expect(readKeywords(text)).toEqual([]);
  });

  it('asking for help with stopping is both, and STOP binds', () => {
    expect(readKeywords('help, how do I get these to stop')).toEqual(['STOP', 'HELP']);
    expect(readKeywords('what do I text to unsubscribe? help')).toEqual(['STOP', 'HELP']);
    expect(readKeyword('help, how do I get these to stop')).toBe('STOP');
  });
});

describe('START', () => {
  it.each([
    'START',
    'start please',
    'Unstop',
    'ALTA',
    'resubscribe me',
    'opt me back in',
    'you may text me again',
    'ok you can keep texting me',
    'oops I hit stop by accident',
    'I replied STOP by mistake, still looking in Upland',
    'ya pueden volver a escribirme',
    'quiero volver a recibir los mensajes',
  ])('%j is START', (text) => {
    expect(readKeyword(text)).toBe('START');
  });

  it.each([
    'I want to start touring homes',
    'when do we start?',
    'YES',
    'sí',
    'starting over with a new budget',
    '¿me puede escribir en inglés?',
  ])('%j is no keyword', (text) => {
    expect(readKeywords(text)).toEqual([]);
  });
});

describe('the HELP reply', () => {
  it.each(['en', 'es'] as const)('in %s names the agent, says how to opt out and fits one SMS', (lang) => {
    for (const agent of ['Jorge', 'Maria Guadalupe Lopez']) {
      const reply = t(lang, 'compliance.help', { agent });
      expect(reply).toContain(agent);
      expect(reply).toContain('STOP');
      expect(checkOutbound(reply, { maxLength: 160, agentName: agent })).toEqual({
        ok: true,
        violations: [],
      });
    }
  });
});

describe('keyword misses found on new wording', () => {
  it.each(['delete my info from your system', 'please remove my contact information from your database'])(
    '%j revokes consent: STOP',
    (text) => {
      expect(readKeywords(text)).toEqual(['STOP']);
    },
  );

  it('asking to remove something from a listing is no opt-out', () => {
    expect(readKeywords('can you remove my info from the listing description')).toEqual([]);
  });

  it.each(['HELP. what even is this number', 'help, who the heck is this?'])(
    'HELP with the question said louder is still HELP: %j',
    (text) => {
      expect(readKeywords(text)).toEqual(['HELP']);
    },
  );

  it.each(['quit bugging me', 'not interested, stop pestering me'])(
    '%j asks the texts to stop: STOP',
    (text) => {
      expect(readKeywords(text)).toEqual(['STOP']);
    },
  );

  it("someone else's bugging is no opt-out", () => {
    expect(readKeywords("my kids won't stop bugging me about a pool")).toEqual([]);
  });

  it.each(['perdón, me equivoqué, sí me interesa, pueden escribirme', 'my bad, you can text me'])(
    'a "no" taken back with texts allowed again is START: %j',
    (text) => {
      expect(readKeywords(text)).toEqual(['START']);
    },
  );

  it('allowing texts without taking anything back is no START', () => {
    expect(readKeywords('pueden escribirme por la tarde')).toEqual([]);
  });

  it('the same question without the keyword is no HELP', () => {
    expect(readKeywords('what even is this number')).toEqual([]);
  });
});

describe('everyday ways to say stop, found on a fresh set of lead texts', () => {
  it.each([
    "get me off whatever list I'm on",
    'how do i get these texts to quit coming',
    'one more text and my lawyer hears about it',
    'ya basta con tanto mensaje',
    'ya les dije, bórrenme',
    'delete me',
  ])('%j is STOP', (text) => {
    expect(readKeywords(text)).toEqual(['STOP']);
  });

  it.each(['get me off the couch lol', 'one more text and I will decide', 'bórrame la cita del martes'])(
    '%j is no keyword',
    (text) => {
      expect(readKeywords(text)).toEqual([]);
    },
  );

  it('HELP with "no idea what this text is" is HELP', () => {
    expect(readKeywords('HELP?? no idea what this text is')).toEqual(['HELP']);
  });

  it('"it was a mistake, you can keep writing me" after ALTO is START', () => {
    expect(readKeywords('perdón, fue error, sí me pueden seguir escribiendo')).toEqual(['START']);
  });
});
