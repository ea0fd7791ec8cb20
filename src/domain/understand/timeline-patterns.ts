import {
  AMBIGUOUS_MONTHS,
  type DateSpec,
  MONTH_NUMBER,
  MONTH_WORDS,
  SEASON_MONTHS,
  SEASON_NAMES,
  seasonOf,
} from './timeline-dates.ts';

/**
 * The words of timelines, English and Spanish, as patterns over the reader's normal form
 * (lower case, no accents, no apostrophes, number words as digits, one space between words).
 * Each pattern matches the date or duration itself; what stands before it ("not", "last",
 * "been renting for", "3k") is judged by the reader, so one rule serves every phrase.
 */

/** What a phrase says, before it is placed against today. */
export type Reading =
  | { kind: 'now' }
  | { kind: 'months'; months: number }
  | { kind: 'days'; days: number }
  | { kind: 'date'; date: DateSpec };

export interface Rule {
  re: RegExp;
  read: (m: RegExpExecArray) => Reading | undefined;
  /** A length of time ("4 years"): it may be a past one ("renting for 4 years") or a rate ("3k a month"). */
  duration?: true;
  /** Urgency ("urgent", "in a hurry", "need to move fast"): a dated deadline beside it wins. */
  urgency?: true;
  /** Only a whole answer to "when?" ("now", "ya", "today"). */
  bareAnswer?: true;
}

const months = (n: number): Reading => ({ kind: 'months', months: n });
const days = (n: number): Reading => ({ kind: 'days', days: n });
const date = (d: DateSpec): Reading => ({ kind: 'date', date: d });
const NOW: Reading = { kind: 'now' };
const YEAR_PART: Record<string, number> = {
  mid: 6,
  'middle of': 6,
  'mediados de': 6,
  late: 12,
  'end of': 12,
  'finales de': 12,
  'fines de': 12,
};
const QUARTERS = ['', 'first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'];

const NUMBER = '(\\d+(?:\\.\\d+)?)';
const UNIT =
  '(months?|mos?|mths?|meses|mes|mes[ec]citos?|mes[ec]itos?|weeks?|wks?|semanas?|semanitas?|days?|dias?|diitas?|years?|yrs?|anos?|anitos?)';
/** "3 months", "3-4 mo", "30 to 60 days", "2 o 3 meses": a range reads as its earliest end. */
const DIGIT_DURATION = new RegExp(
  `(?<![\\d.])${NUMBER}(?:ish)?(?: ?(?:-|to|or|and|a|o|y) ?\\d+(?:\\.\\d+)?)? ?${UNIT}\\b`,
  'g',
);

const YEAR_UNIT = /^(?:y|an)/;
const WEEK_UNIT = /^(?:w|sem)/;
const DAY_UNIT = /^d/;

function fromUnit(value: number, unit: string): Reading {
  if (YEAR_UNIT.test(unit)) return months(Math.round(value * 12));
  if (WEEK_UNIT.test(unit)) return days(value * 7);
  if (DAY_UNIT.test(unit)) return days(value);
  return months(Math.round(value));
}

const MONTH_ALT = MONTH_WORDS.join('|');
const NEXT_YEAR = '(next year|del? (?:proximo|siguiente) ano|del ano que viene)';
/** "march", "jan 15", "feb 1st", "may 2027", "march of next year", "marzo del proximo ano". */
const MONTH = new RegExp(
  `\\b(${MONTH_ALT})\\b(?:\\.? ?(\\d{1,2})(?:st|nd|rd|th)?\\b(?! ?(?:k|mil|bed|br|bd)\\b))?(?:,? (?:of |de |del )?(20\\d\\d)\\b| (?:of )?${NEXT_YEAR})?`,
  'g',
);
/** "15 de marzo", "the 15th of march". */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:(?:st|nd|rd|th)(?: of)?| de| of) (${MONTH_ALT})\\b`, 'g');
const SEASON = new RegExp(
  `\\b(${SEASON_NAMES.join('|')})(?:time|s)?\\b(?: (?:of |de |del )?(20\\d\\d)\\b| (?:of )?${NEXT_YEAR})?`,
  'g',
);

/** A date word right before the month or season: "by", "in", "end of", "para", "antes de". */
const DATE_PREFIX =
  /\b(?:in|by|before|until|till|til|around|early|late|mid|end of|beginning of|start of|middle of|first week of|of|next|this|come|thru|through|after|since|from|like|maybe|probably|hopefully|not|the|make it|make that|actually|en|para|de|del|el|la|hasta|desde)[\s-]$/;
// "lawyer says march", "he said march": a month someone named ("says may be" stays a verb).
const SAYS =
  /\b(?:says|said|thinks|think|guess|guessing|figures|dice|dijo|realistically|targeting|aiming for)\s$/;
/** Another month right before or after: "april or may", "jan-feb", "march not may". */
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH_ALT}) ?(?:-|to|or|thru|through|and|o|y|a) ?$`);
/** A deadline word right after: "march at the latest", "may or sooner", "marzo a más tardar". */
const DATE_SUFFIX =
  /^ ?(?:at the (?:very )?latest|at the earliest|(?:or|o) (?:so|sooner|earlier|before|antes)|(?:is|would be) (?:the|our|my) (?:deadline|goal|target)|a mas tardar|lo mas tarde)\b/;
const MONTH_AFTER = new RegExp(`^ ?(?:-|to|or|thru|through|o|y|not) ?(?:${MONTH_ALT})\\b`);

function monthRead(name = '', dayText?: string, yearText?: string, nextYear?: string): Reading | undefined {
  const month = MONTH_NUMBER[name];
  if (month === undefined) return undefined;
  const spec: DateSpec = { month };
  const day = dayText ? Number(dayText) : undefined;
  if (day !== undefined && day >= 1 && day <= 31) spec.day = day;
  if (yearText) spec.year = Number(yearText);
  if (nextYear) spec.nextYear = true;
  return date(spec);
}

function monthIsDate(s: string, m: RegExpExecArray): boolean {
  if (!AMBIGUOUS_MONTHS.has(m[1] ?? '')) return true;
  if (m[2] !== undefined || m[3] !== undefined || m[4] !== undefined) return true;
  const before = s.slice(Math.max(0, m.index - 24), m.index);
  const after = s.slice(m.index + m[0].length, m.index + m[0].length + 16);
  return (
    DATE_PREFIX.test(before) ||
    (m[1] !== 'may' && SAYS.test(before)) ||
    MONTH_BEFORE.test(before) ||
    MONTH_AFTER.test(after) ||
    DATE_SUFFIX.test(after)
  );
}

const BEFORE = /\b(?:before|antes del?|antes de la)\s(?:the\s)?$/;
const AFTER = /\b(?:after|despues del?|despues de la)\s(?:the\s)?$/;
const NEXT_BEFORE = /\bnext\s$/;
const SEASON_PREFIX =
  /\b(?:the|this|next|in|by|until|til|till|before|after|early|late|mid|end of|around|come|el|la|en|para|del|thinking|hoping|planning|aiming for|shooting for|targeting|probably|prob|maybe|hopefully|ideally|sometime)[\s-]$/;

/** Builds the season reading; "before summer" is June, "after summer" September. */
function seasonRead(s: string, m: RegExpExecArray): Reading | undefined {
  const season = seasonOf(m[1] ?? '');
  if (!season) return undefined;
  const [first, last] = SEASON_MONTHS[season];
  const before = s.slice(Math.max(0, m.index - 24), m.index);
  if (BEFORE.test(before)) return date(first === 1 ? { month: 12, day: 20 } : { month: first - 1 });
  if (AFTER.test(before)) return date({ month: (last % 12) + 1 });
  const spec: DateSpec = { season };
  if (m[2]) spec.year = Number(m[2]);
  if (m[3]) spec.nextYear = true;
  if (NEXT_BEFORE.test(before)) spec.nextSeason = true;
  return date(spec);
}

function seasonIsDate(s: string, m: RegExpExecArray): boolean {
  if (m[1] !== 'fall') return true;
  if (m[2] !== undefined) return true;
  return SEASON_PREFIX.test(s.slice(Math.max(0, m.index - 16), m.index));
}

/** Rules that need the text around a match to build their reading. */
export interface ContextRule extends Omit<Rule, 'read'> {
  read: (s: string, m: RegExpExecArray) => Reading | undefined;
  isDate?: (s: string, m: RegExpExecArray) => boolean;
}

// "end of dec", "by december", "this december" said in December: the end of this month, not next
// year's (a month named bare is still a year away, as the corpus README says).
const MONTH_END_BEFORE = /\b(?:end of|late|by|by the end of|this|fin de|fines de|finales de)\s$/;
function monthEndRead(s: string, m: RegExpExecArray): Reading | undefined {
  const reading = monthRead(m[1], m[2], m[3], m[4]);
  if (reading?.kind !== 'date' || m[2] !== undefined) return reading;
  if (!MONTH_END_BEFORE.test(s.slice(Math.max(0, m.index - 20), m.index))) return reading;
  return { kind: 'date', date: { ...reading.date, endOfMonth: true } };
}

export const CONTEXT_RULES: ContextRule[] = [
  { re: MONTH, read: monthEndRead, isDate: monthIsDate },
  {
    re: DAY_MONTH,
    read: (_s, m) => monthRead(m[2], m[1]),
  },
  { re: SEASON, read: seasonRead, isDate: seasonIsDate },
];

export const RULES: Rule[] = [
  // Right away.
  {
    re: /\b(?:asap|a\.s\.a\.p|(?:as )?(?:soon|fast|quick|quickly) as (?:possible|we can|i can|we could|i could|humanly possible)|en cuanto (?:se pueda|podamos|antes)|(?:the )?sooner the better|right away|straight away|immediately|lo (?:antes|mas pronto|mas rapido) (?:posible|que se pueda)|lo mas pronto|cuanto antes|de inmediato|inmediatamente|ya mismo|ahora mismo)\b/g,
    read: () => NOW,
  },
  {
    re: /\b(?:urgent(?:ly)?|urge|urgente|in a (?:hurry|rush)|con urgencia)\b/g,
    read: () => NOW,
    urgency: true,
  },
  // "need to sell fast", "vender ya", "ready to look now".
  {
    re: /\b(?:sell|buy|move|list|close|look|vender|comprar|mudar(?:nos|me|se)?|cerrar)(?: (?:it|this|the|my|our|house|home|place|one|casa|la|el|lo|esta|mi|nuestra)){0,3} (?:fast|quick|quickly|asap|now|right now|immediately|ya|rapido)\b/g,
    read: () => NOW,
    urgency: true,
  },
  // "yesterday if I could lol": as soon as can be.
  { re: /\b(?:like|done|sold|gone|out) yesterday\b|^yesterday (?:if|lol|haha|honestly)\b/g, read: () => NOW },
  // "we're ready now", "estamos listos ya": ready to move today.
  {
    re: /\b(?:(?:were|we are|im|i am) (?:ready|good to go) (?:right )?now(?=[ ,.;!]+(?:[a-z]+ ){0,3}(?:lease|move|moving|buy|buying|sell|selling|to go))|(?:estamos|estoy) list[oa]s? (?:ya|ahorita|ahora)|^(?:ready|good to go) (?:right )?now)\b/g,
    read: () => NOW,
  },
  { re: /\b(?:right now|now|ahora|ahorita|today|hoy|ya|yesterday)\b/g, read: () => NOW, bareAnswer: true },
  // Weeks and months named relative to today.
  {
    re: /\b(?:this|next|esta|(?:la )?(?:proxima|siguiente)) (?:week|semana)\b|\b(?:la )?semana que viene\b/g,
    read: () => days(7),
  },
  { re: /(?<!\bend )\b(?:this|este)(?: (?:same|very|mismo))? (?:month|mes)\b/g, read: () => months(0) },
  {
    re: /\b(?:next month|(?:el )?(?:proximo|siguiente) mes|el mes (?:que viene|que entra|entrante))\b/g,
    read: () => months(1),
  },
  {
    re: /\b(?:(?:the )?end of (?:the |this )?month|(?:el )?fin(?:al)?(?:es)? de(?:l)? (?:este )?mes|finales de(?:l)? (?:este )?mes|month end)\b/g,
    read: () => months(1),
  },
  // The turn of the year: "by the end of the year" is about as far as "by New Year".
  {
    re: /\b(?:(?:the )?end of (?:the |this )?year|years? end|eoy|fin(?:al)?(?:es)? de(?:l)? ano|this year|este ano|(?:que )?(?:acabe|termine|se acabe|se termine) el ano)\b/g,
    read: () => date({ month: 1 }),
  },
  {
    re: /\b(?:by|before|until|till|til|around|for|antes de|antes del|para) (?:the |el )?(?:new years?|ano nuevo)\b/g,
    read: () => date({ month: 1 }),
  },
  {
    re: /\b(?:after|right after|despues de|pasando|(?:ya )?que pasen?|cuando pasen?) (?:the |las |los |el )?(?:holidays|fiestas|christmas|xmas|navidad|new years?|ano nuevo)\b/g,
    read: () => date({ month: 1 }),
  },
  {
    re: /\b(?:before|by|until|till|til|for|antes de|para) (?:the )?(?:christmas|xmas|navidad)\b/g,
    read: () => date({ month: 12, day: 25 }),
  },
  {
    re: /\b(?:before|by|until|antes de) (?:the )?(?:holidays|fiestas)\b/g,
    read: () => date({ month: 12, day: 20 }),
  },
  { re: /\b(?:before|by|until|antes de) thanksgiving\b/g, read: () => date({ month: 11, day: 26 }) },
  {
    re: /\b(?:before|by|until|till|for|antes de|para) (?:the )?(?:valentines?|san valentin|(?:el )?dia de(?:l)? (?:amor|san valentin))(?: day)?\b/g,
    read: () => date({ month: 2, day: 14 }),
  },
  {
    re: /\b(?:the )?end of next year\b|\b(?:fin|finales) del (?:(?:proximo|siguiente) ano|ano que viene)\b/g,
    read: () => date({ month: 12, nextYear: true }),
  },
  {
    re: /\b(?:early|beginning of|start of|first of) next year\b|\bprincipios del (?:(?:proximo|siguiente) ano|ano que viene)\b/g,
    read: () => date({ month: 1, nextYear: true }),
  },
  {
    re: /\b(?:mid|middle of) next year\b|\bmediados del (?:(?:proximo|siguiente) ano|ano que viene)\b/g,
    read: () => date({ month: 6, nextYear: true }),
  },
  {
    re: /\b(?:(end of|late) (?:the )?)?(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)\b(?: (?:of )?(next year|20\d\d))?/g,
    read: (m) => {
      const quarter = m[2] ? Number(m[2]) : ((QUARTERS.indexOf(m[3] ?? '') - 1) % 4) + 1;
      // "end of q1" is March, "q1" January.
      const spec: DateSpec = { month: m[1] ? quarter * 3 : quarter * 3 - 2 };
      if (m[4] === 'next year') spec.nextYear = true;
      else if (m[4]) spec.year = Number(m[4]);
      return date(spec);
    },
  },
  // The turn of the year and years named by number: "early 2027", "mid 2027", "end of 2027".
  {
    re: /\b(?:in the new year|(?:the )?(?:first|beginning|start) of the year|(?:a )?principios de(?:l)? ano|(?:en|para) ano nuevo)\b/g,
    read: () => date({ month: 1 }),
  },
  {
    re: /\b(early|beginning of|start of|mid|middle of|late|end of|principios de|mediados de|finales de|fines de)[ -](20\d\d)\b/g,
    read: (m) => date({ month: YEAR_PART[m[1] ?? ''] ?? 1, year: Number(m[2]) }),
  },
  {
    re: /\b(?:by|before|around|after|para|antes de|despues de) (?:easter|semana santa|pascua)\b/g,
    read: () => date({ easter: true }),
  },
  // School and tax calendars.
  {
    re: /\bbefore (?:the )?school(?: year)?(?: (?:starts?|begins?|starts back))?\b|\bbefore (?:the |my |our )?(?:kids |children )?(?:go |goes |get |start )?back to school\b|\b(?:when|once|by the time) school starts\b|\bantes de que (?:empiece|empiecen|inicie|inicien|entren)(?: a)?(?: la| las| el)? (?:clases|escuela|ano escolar)\b|\bantes del? (?:regreso a clases|inicio de clases)\b/g,
    read: () => date({ month: 8 }),
  },
  {
    re: /\b(?:when|after|once|till|until|til) (?:the )?(?:kids |children )?(?:school|schools) (?:gets out|lets out|is out|ends|out)\b|\bschools out\b|\b(?:the )?end of the school year\b|\bcuando (?:salgan|terminen|acaben|termine|acabe)(?: (?:los|las|mis|nuestros) (?:ninos|hijos|hijas|ninas))? (?:de )?(?:la escuela|clases|las clases|el ano escolar)\b|\bfin del ano escolar\b/g,
    read: () => date({ month: 6 }),
  },
  {
    re: /\b(?:once|when) (?:tax season|tax time|taxes) (?:is |are )?(?:over|done|through)\b|\bafter (?:tax season|tax time|(?:(?:we|i) (?:do|file) |doing |filing )?(?:our |the |my )?taxes)\b|\bdespues de (?:los impuestos|la temporada de impuestos|declarar(?: los)? impuestos)\b/g,
    read: () => date({ month: 4 }),
  },
  // "before escrow closes on the 20th": a day of this month (or the next, once it has passed).
  {
    re: /\b(?:on|by|before|until|till|til|after|around|for|(?:date|deadline) is) the (\d{1,2})(?:st|nd|rd|th)\b(?! of\b)/g,
    read: (m) => date({ day: Number(m[1]) }),
  },
  // "we close on the new house the 20th", "escrow closes the 15th": a closing day of this month.
  {
    re: /\b(?:close|closes|closing|escrow)(?: (?:on|of|in|for|the|our|my|new|house|home|place|one|escrow|is|will|be|should)){0,5} the (\d{1,2})(?:st|nd|rd|th)\b(?! of\b)/g,
    read: (m) => date({ day: Number(m[1]) }),
  },
  // Lengths of time.
  {
    re: /\b(?:(?:a|one|1) )?(?:year|yr) and a half\b|\b(?:(?:un|1) )?ano y medio\b/g,
    read: () => months(18),
    duration: true,
  },
  {
    re: /\b(?:a )?couple(?: of)? (?:years|yrs)\b|\b(?:un|1) par de anos\b/g,
    read: () => months(24),
    duration: true,
  },
  {
    re: /\b(?:a )?few (?:years|yrs)\b|\bunos (?:cuantos |pocos )?anos\b|\balgunos anos\b/g,
    read: () => months(36),
    duration: true,
  },
  {
    re: /\b(?:within|in|over|during) the (?:next |coming )?year\b/g,
    read: () => months(12),
    duration: true,
  },
  { re: /\b(?:a|an|one) (?:full )?(?:year|yr)\b/g, read: () => months(12), duration: true },
  { re: /\bhalf a year\b|\bmedio ano\b/g, read: () => months(6), duration: true },
  {
    re: /\b(?:a )?couple(?: of)? (?:months|mos|mo)\b|\b(?:un|1) par de meses\b/g,
    read: () => months(2),
    duration: true,
  },
  {
    re: /\b(?:a )?few (?:months|mos)\b|\bunos (?:cuantos |pocos )?meses\b|\balgunos meses\b/g,
    read: () => months(3),
    duration: true,
  },
  { re: /\bseveral months\b|\bvarios meses\b/g, read: () => months(4), duration: true },
  { re: /\b(?:a|one) month\b/g, read: () => months(1), duration: true },
  {
    re: /\b(?:a )?couple(?: of)? weeks\b|\b(?:un|1) par de semanas\b/g,
    read: () => days(14),
    duration: true,
  },
  {
    re: /\b(?:a )?few weeks\b|\bunas (?:cuantas |pocas )?semanas\b/g,
    read: () => days(21),
    duration: true,
  },
  { re: /\b(?:a|one) week\b/g, read: () => days(7), duration: true },
  { re: DIGIT_DURATION, read: (m) => fromUnit(Number(m[1]), m[2] ?? ''), duration: true },
];
