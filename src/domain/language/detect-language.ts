import { matchesOf } from './matches.ts';
import { simplify, words } from './normalize.ts';

export type Language = 'en' | 'es';

// Words that occur in both languages' texting ("no", "ok", "me", "a", "solo", "plan") are in neither list.
const SPANISH = new Set(
  (
    'hola buenos buenas dias tardes noches gracias quiero queremos quisiera vender vendo venta comprar ' +
    'compra casa casas si necesito necesitamos recamaras recamara cuartos cuarto banos bano meses mes ' +
    'semanas semana anos mi mis su sus nuestra nuestro para por que como cuanto cuanta donde cuando ' +
    'estoy esta estamos estan tengo tenemos tiene es son una un uno los las el la de del y con en pero muy ' +
    'bien mucho poco tambien todavia aun ahora pronto despues antes nos mudamos mudar mudarnos trabajo ' +
    'precio dinero millones millon valor busco buscando buscamos escuelas alberca piscina ' +
    'cochera jardin efectivo prestamo banco credito hipoteca divorcio herencia senor senora claro vez ' +
    'tal quizas quiza puede ser creo pues porque lo al se sin mas menos hasta entre desde unos unas favor ' +
    'ayuda llamar hablar espanol interesa interesado vivir lista reparaciones necesita hay eso esto este ' +
    'esa ese bueno grande pequena nueva vieja tardes proximo proxima ya nada algo gusta hijos esposo ' +
    'esposa familia zona cerca vecino dueno dueña propiedad oferta rapido ahorita orale dale vamos ' +
    'parar cancelar baja alto basta paz dejen dejenme molesten molestes escribas escriban escribir ' +
    'manden mandes mandar mensajes mensaje vendemos vendiendo venderla venderlo compramos comprando ' +
    'comprarla comprarlo quien habla hablo usted ustedes pues oye nomas hoy luego aqui alla perdon porfa ' +
    'entonces enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre ' +
    'primavera verano otono invierno'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the i im id ill ive want wanna to sell selling buy buying house home homes houses my is it its for ' +
    'and we were you your are looking need have has in of what whats how much yes yeah yep yup hi hello ' +
    'hey thanks thank please bed beds bedroom bedrooms bath baths month months week weeks year years ' +
    'just about can cant would will not this that get be am our with do dont know maybe sure works work ' +
    'good great price worth around under over between cash approved lender soon asap next right now away ' +
    'moving move kids family call text when where who why there here they he she if or but so like think ' +
    'some any all two three four five thing things neighbor sold selling paying pay budget pool garage ' +
    'yard school schools area areas ready fixer needs remodeled offer market agent realtor listing list ' +
    'morning afternoon evening tomorrow today week asked idk nope nah hmm well okay thx ty lol'
  ).split(' '),
);
const SPANISH_MARKS = /[ñ¿¡]/g;
const ACCENTED = /[áéíóú]/g;

/**
 * 'es' or 'en' by counting each language's common words, with accents and ñ/¿/¡ counting for
 * Spanish; null when the text is too short or too mixed to tell ("ok", "650k", "no").
 */
export function detectLanguage(text: string): Language | null {
  const { es, en } = score(text);
  if (es === en) return null;
  return es > en ? 'es' : 'en';
}

function score(text: string): { es: number; en: number } {
  let es = (text.match(SPANISH_MARKS)?.length ?? 0) * 2 + Math.min(text.match(ACCENTED)?.length ?? 0, 3);
  let en = 0;
  for (const w of words(text)) {
    if (SPANISH.has(w)) es += 1;
    else if (ENGLISH.has(w)) en += 1;
  }
  return { es, en };
}

/**
 * The language to go on in after this message, given the one the conversation is in: the one the
 * message is written in, except that a Spanish speaker's Spanglish ("porque we got a job offer in
 * Houston", "ok the house is fine, gracias") keeps Spanish. Only English with no Spanish in it
 * switches a Spanish conversation to English.
 */
export function followLanguage(text: string, current: Language): Language {
  const { es, en } = score(text);
  if (es === en) return current;
  if (current === 'es' && es > 0) return 'es';
  return es > en ? 'es' : 'en';
}

const ENGLISH_NAME = /\b(?:english|ingles|engles|inglich)\b/g;
const SPANISH_NAME = /\b(?:spanish|espanol|castellano|spanglish)\b/g;
// "No hablo español", "I don't read spanish well": the language to leave, not the one asked for.
const CANT_BEFORE =
  /\b(?:no|dont|do not|doesnt|cant|cannot|can not|not|barely|hardly|poco)\s+(?:\w+\s+){0,3}$/;
// "do you people not understand english", "¿ustedes no entienden español?": a jab at us, no switch.
const YOU_CANT_BEFORE =
  /\b(?:you|u|yall|ustedes|usted|tu)\s+(?:\w+\s+){0,2}(?:no|dont|do not|not|cant|cannot|can not)\s+(?:\w+\s+){0,2}$/;
const WEAK_AFTER =
  /^\s+(?:(?:isnt|is not|s not|aint|not)\s+(?:very\s+|that\s+|so\s+|too\s+)?(?:great|good|the best)|(?:is|s)\s+(?:(?:really|pretty|very|so)\s+)?(?:bad|rusty|terrible|limited|broken|not great)|no es (?:muy\s+)?buen[oa]|(?:es|esta) mal[oa]?)/;

/**
 * The language the lead asks us to write in: "can we switch to spanish", "¿hablas español?",
 * "mejor en inglés", "no hablo español, english?" (en), "my spanish isn't great" (en). A language
 * the lead says they cannot read is the one to leave. Null when no language is named.
 */
export function readLanguageSwitch(text: string): Language | null {
  const simple = simplify(text);
  const mentions: { lang: Language; at: number; weak: boolean }[] = [];
  for (const [re, lang] of [
    [ENGLISH_NAME, 'en'],
    [SPANISH_NAME, 'es'],
  ] as const) {
    for (const m of matchesOf(re, simple)) {
      if (YOU_CANT_BEFORE.test(simple.slice(Math.max(0, m.index - 40), m.index))) continue;
      const weak =
        CANT_BEFORE.test(simple.slice(Math.max(0, m.index - 30), m.index)) ||
        WEAK_AFTER.test(simple.slice(m.index + m[0].length, m.index + m[0].length + 30));
      mentions.push({ lang, at: m.index, weak });
    }
  }
  if (mentions.length === 0) return null;
  mentions.sort((a, b) => a.at - b.at);
  const asked = mentions.find((m) => !m.weak);
  if (asked) return asked.lang;
  return mentions[0]?.lang === 'es' ? 'en' : 'es';
}
