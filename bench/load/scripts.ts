/**
 * What simulated leads text, written the way people text: short, lower case, typos, shorthand,
 * several ideas in one message or one idea over two messages. `{area}`, `{price}`, `{beds}`,
 * `{when}` and `{name}` are filled per lead so no two conversations read the same.
 * A step is one message, or a burst: two or three messages sent a few seconds apart without
 * waiting for the reply (people double-text).
 */
export type Kind = 'lead' | 'buyer' | 'seller';
export type Lang = 'en' | 'es';
export type Step = string | readonly string[];

export interface ConversationScript {
  id: string;
  kind: Kind;
  lang: Lang;
  steps: readonly Step[];
}

const S = (id: string, kind: Kind, lang: Lang, steps: Step[]): ConversationScript => ({
  id,
  kind,
  lang,
  steps,
});

export const SCRIPTS: readonly ConversationScript[] = [
  S('lead-en-sign', 'lead', 'en', [
    'hi saw ur sign on {area}',
    'just curious what homes go for around there',
    ['we might buy in the next few months', 'maybe sell ours too idk yet'],
    'budget is like {price}',
    'ok thanks',
  ]),
  S('lead-en-zillow', 'lead', 'en', [
    'Hello, I found your number on zillow',
    'Are you a real person?',
    'ok cool. looking at {area} area, {beds} bedrooms',
    'not preapproved yet',
    'probably {when}',
    'sounds good',
  ]),
  S('lead-en-short', 'lead', 'en', [
    'hey',
    'who is this',
    'oh ok. thinking about moving',
    'not sure yet',
    'k',
  ]),
  S('lead-en-question', 'lead', 'en', [
    'Hi! How much are homes in {area} right now?',
    'and property taxes there?',
    ['we rent now, lease ends {when}', 'so buying i guess'],
    'thx',
  ]),
  S('lead-en-busy', 'lead', 'en', [
    'got ur msg',
    'cant talk rn at work',
    'text is fine',
    'looking to buy eventually, {beds}bd',
    'around {price} max',
    'ttyl',
  ]),
  S('lead-es-sign', 'lead', 'es', [
    'hola vi su anuncio en {area}',
    'cuanto cuestan las casas por ahi?',
    ['queremos comprar', 'tal vez en {when}'],
    'unos {price}',
    'gracias!',
  ]),
  S('lead-es-short', 'lead', 'es', [
    'buenas',
    'quien habla?',
    'ah ok, estoy pensando en mudarme',
    'no se todavia',
    'ok gracias',
  ]),
  S('buyer-en-ready', 'buyer', 'en', [
    "Hi I'm looking to buy in {area}",
    'preapproved for {price}',
    '{beds} beds, 2 bath min. a yard for the dog',
    ['we need to move {when}', 'lease is up'],
    'yes please send me some',
    'can we see one this weekend?',
    'saturday morning works',
  ]),
  S('buyer-en-first', 'buyer', 'en', [
    'first time buyer here 🙂',
    "we haven't talked to a lender yet",
    'maybe {price}?? depends on the rate',
    'somewhere near {area}, good schools',
    '{when}',
    'ok thank you',
  ]),
  S('buyer-en-cash', 'buyer', 'en', [
    'cash buyer. {beds}br in {area}',
    'up to {price}',
    'asap',
    'do u have anything off market',
    'ok send what u have',
  ]),
  S('buyer-es-ready', 'buyer', 'es', [
    'Hola, busco casa en {area}',
    'ya estoy pre aprobado por {price}',
    '{beds} recamaras minimo',
    'queremos mudarnos en {when}',
    'si, mandeme opciones por favor',
    'el sabado en la mañana puedo',
  ]),
  S('buyer-es-first', 'buyer', 'es', [
    'hola es mi primera casa',
    'no he hablado con un banco',
    'como {price} tal vez',
    ['cerca de {area}', 'con buenas escuelas'],
    'ok gracias',
  ]),
  S('seller-en-relocate', 'seller', 'en', [
    'hi thinking about selling my house in {area}',
    "we're relocating for work",
    'within {when}',
    "it's in good shape, updated kitchen",
    'hoping for {price}',
    'yes tuesday afternoon works',
  ]),
  S('seller-en-unsure', 'seller', 'en', [
    "what's my home worth? {area}",
    'just curious for now',
    ['maybe sell next year', 'depends on prices'],
    'needs some work tbh, roof is old',
    'ok',
  ]),
  S('seller-en-inherited', 'seller', 'en', [
    'my mom passed and we have her house in {area}',
    'we want to sell it, nobody lives there',
    'as soon as possible',
    'it needs a lot of work',
    'what could we get for it?',
    'ok lets talk',
  ]),
  S('seller-es-relocate', 'seller', 'es', [
    'hola quiero vender mi casa en {area}',
    'nos cambiamos de trabajo a otro estado',
    'en {when}',
    'la casa esta en buenas condiciones',
    'esperamos unos {price}',
    'el martes en la tarde esta bien',
  ]),
  S('seller-es-value', 'seller', 'es', [
    'cuanto vale mi casa?',
    'esta en {area}',
    'tal vez la vendo el proximo año',
    'ok gracias',
  ]),
];

const FILL: Record<Lang, Record<string, readonly string[]>> = {
  en: {
    area: ['Etiwanda', 'Alta Loma', 'Victoria Gardens', 'north Rancho', 'Upland', 'Haven ave'],
    price: ['600k', '$750,000', '650-700k', '800k', 'around 550', '$900k'],
    beds: ['3', '4', '3-4', '2'],
    when: ['2 months', 'the spring', 'asap', 'next 30-45 days', 'end of summer', '6 months'],
  },
  es: {
    area: ['Etiwanda', 'Alta Loma', 'Ontario', 'Fontana', 'Upland'],
    price: ['600 mil', '$700,000', '650 mil', '550 mil'],
    beds: ['3', '4', 'tres', 'cuatro'],
    when: ['2 meses', 'la primavera', 'lo antes posible', '6 meses'],
  },
};

/** A script's steps with each placeholder filled from `pick` (a lead keeps its choices throughout). */
export function fillScript(
  script: ConversationScript,
  pick: (options: readonly string[]) => string,
): string[][] {
  const chosen = new Map<string, string>();
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const options = FILL[script.lang][key];
      if (!options) return whole;
      let v = chosen.get(key);
      if (v === undefined) {
        v = pick(options);
        chosen.set(key, v);
      }
      return v;
    });
  return script.steps.map((s) => (typeof s === 'string' ? [fill(s)] : s.map(fill)));
}

/** The GHL tags that start each bot (DESIGN.md §6): buyer and seller activation, none for the lead bot. */
export const TAGS_OF: Record<Kind, string[]> = {
  lead: [],
  buyer: ['Buyer-Lead'],
  seller: ['Seller-Lead'],
};

/** 50 % lead, 30 % buyer, 20 % seller; within a kind, EN and ES scripts alike. */
export function pickScript(r: () => number): ConversationScript {
  const x = r();
  const kind: Kind = x < 0.5 ? 'lead' : x < 0.8 ? 'buyer' : 'seller';
  const pool = SCRIPTS.filter((s) => s.kind === kind);
  return pool[Math.floor(r() * pool.length)] ?? SCRIPTS[0]!;
}
