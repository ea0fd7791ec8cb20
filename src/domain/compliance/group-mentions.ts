// Finds words naming a protected group in a flattened sentence ("Hispanic families",
// "barrio blanco", "no Muslims"). Whether a mention is a request is decided in fair-housing.ts.
import {
  GROUP_ADJECTIVES,
  GROUP_NOUNS,
  PEOPLE_NOUNS_EN,
  PEOPLE_NOUNS_ES,
  PLACE_ADJECTIVE_CLASSES,
  PLACE_NOUNS_EN,
  PLACE_NOUNS_ES,
  type ProtectedClass,
  THING_AFTER,
  terms,
  WEAK_GROUP_NOUNS,
} from './fair-housing-words.ts';
import { words } from './text.ts';

export type Kind = 'noun' | 'weak' | 'adjective';
interface Term {
  tokens: string[];
  protectedClass: ProtectedClass;
  kind: Kind;
}
export interface Mention {
  start: number;
  end: number;
  protectedClass: ProtectedClass;
  kind: Kind;
  withPlace: boolean;
}

export const CLASSES = Object.keys(GROUP_NOUNS) as ProtectedClass[];

function compile(source: Readonly<Record<ProtectedClass, string>>, kind: Kind): Term[] {
  return CLASSES.flatMap((protectedClass) =>
    terms(source[protectedClass]).map((term) => ({ tokens: term.split(' '), protectedClass, kind })),
  );
}

// Longest first so "families with kids" wins over "families", and nouns win over adjectives.
const TERMS: Term[] = [
  ...compile(GROUP_NOUNS, 'noun'),
  ...compile(WEAK_GROUP_NOUNS, 'weak'),
  ...compile(GROUP_ADJECTIVES, 'adjective'),
].sort((a, b) => b.tokens.length - a.tokens.length);

const split = (list: string[]) => list.map((phrase) => phrase.split(' '));
const PEOPLE_EN = split(PEOPLE_NOUNS_EN);
const PLACE_EN = split(PLACE_NOUNS_EN);
const PEOPLE_ES = split(PEOPLE_NOUNS_ES);
const PLACE_ES = split(PLACE_NOUNS_ES);
const THINGS = new Set(THING_AFTER);

function matchAt(tokens: string[], at: number, phrase: string[]): boolean {
  return at >= 0 && phrase.every((token, offset) => tokens[at + offset] === token);
}
/** Length of the first phrase starting at `at`, or 0. */
function phraseAt(tokens: string[], at: number, phrases: string[][]): number {
  return phrases.find((phrase) => matchAt(tokens, at, phrase))?.length ?? 0;
}
/** Length of the first phrase ending just before `end`, or 0. */
function phraseBefore(tokens: string[], end: number, phrases: string[][]): number {
  return phrases.find((phrase) => matchAt(tokens, end - phrase.length, phrase))?.length ?? 0;
}

function adjectiveMention(tokens: string[], term: Term, at: number): Mention | null {
  const end = at + term.tokens.length;
  const placeOk = PLACE_ADJECTIVE_CLASSES.has(term.protectedClass);
  // English order: adjective + noun ("Hispanic families").
  const people = phraseAt(tokens, end, PEOPLE_EN);
  if (people > 0)
    return {
      start: at,
      end: end + people,
      protectedClass: term.protectedClass,
      kind: 'adjective',
      withPlace: false,
    };
  const place = placeOk ? phraseAt(tokens, end, PLACE_EN) : 0;
  if (place > 0 && !THINGS.has(tokens[end + place] ?? '')) {
    return {
      start: at,
      end: end + place,
      protectedClass: term.protectedClass,
      kind: 'adjective',
      withPlace: true,
    };
  }
  // Spanish order: noun + adjective ("familias hispanas", "barrio blanco").
  const peopleBefore = phraseBefore(tokens, at, PEOPLE_ES);
  if (peopleBefore > 0)
    return {
      start: at - peopleBefore,
      end,
      protectedClass: term.protectedClass,
      kind: 'adjective',
      withPlace: false,
    };
  const placeBefore = placeOk ? phraseBefore(tokens, at, PLACE_ES) : 0;
  if (placeBefore > 0)
    return {
      start: at - placeBefore,
      end,
      protectedClass: term.protectedClass,
      kind: 'adjective',
      withPlace: true,
    };
  return null;
}

const PREDICATE_CUE = new Set(
  terms('mostly|mainly|predominantly|majority|all|mayormente|principalmente|puro|puros'),
);

const RELATIVE_CLAUSE =
  /(?:^| )(?:who|that|que)(?: no)?(?: is| are| isnt| arent|s| sea| sean| es| son)(?: not| no)?$/;

/** "Which part of town is mostly Indian?": the adjective stands alone, the place is elsewhere. */
function predicateMention(tokens: string[], term: Term, at: number): Mention | null {
  if (!PLACE_ADJECTIVE_CLASSES.has(term.protectedClass)) return null;
  // "a buyer who is not Chinese" describes the person being chosen.
  const before = tokens.slice(0, at).join(' ');
  if (RELATIVE_CLAUSE.test(before)) {
    return {
      start: at,
      end: at + term.tokens.length,
      protectedClass: term.protectedClass,
      kind: 'adjective',
      withPlace: true,
    };
  }
  if (!PREDICATE_CUE.has(tokens[at - 1] ?? '')) return null;
  const hasPlace = tokens.some(
    (_, index) => phraseAt(tokens, index, PLACE_EN) > 0 || phraseAt(tokens, index, PLACE_ES) > 0,
  );
  if (!hasPlace) return null;
  return {
    start: at,
    end: at + term.tokens.length,
    protectedClass: term.protectedClass,
    kind: 'adjective',
    withPlace: true,
  };
}

// Indexed by first word so scanning a sentence costs one map lookup per word.
const TERMS_BY_FIRST_WORD = new Map<string, Term[]>();
for (const term of TERMS) {
  const first = term.tokens[0] ?? '';
  TERMS_BY_FIRST_WORD.set(first, [...(TERMS_BY_FIRST_WORD.get(first) ?? []), term]);
}

function candidatesAt(tokens: string[], at: number): Mention[] {
  const found: Mention[] = [];
  for (const term of TERMS_BY_FIRST_WORD.get(tokens[at] ?? '') ?? []) {
    if (!matchAt(tokens, at, term.tokens)) continue;
    const end = at + term.tokens.length;
    if (THINGS.has(tokens[end] ?? '')) continue;
    const mention =
      term.kind === 'adjective'
        ? (adjectiveMention(tokens, term, at) ?? predicateMention(tokens, term, at))
        : { start: at, end, protectedClass: term.protectedClass, kind: term.kind, withPlace: false };
    if (mention) found.push(mention);
  }
  return found;
}

const KIND_RANK: Record<Kind, number> = { noun: 0, adjective: 1, weak: 2 };

/** Non-overlapping group mentions; the widest reading wins ("familias hispanas" over "familias"). */
export function findMentions(tokens: string[]): Mention[] {
  const candidates = tokens
    .flatMap((_, at) => candidatesAt(tokens, at))
    .sort((a, b) => a.start - b.start || b.end - a.end || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
  const chosen: Mention[] = [];
  for (const candidate of candidates) {
    const last = chosen[chosen.length - 1];
    if (last && candidate.start < last.end) continue;
    chosen.push(candidate);
  }
  return chosen;
}

/** Group mentions in our own outbound text (any context), used by the outbound filter. */
export function mentionsProtectedGroup(flat: string): ProtectedClass | null {
  const found = findMentions(words(flat)).find(
    (mention) => mention.kind === 'adjective' || !['familial_status', 'age'].includes(mention.protectedClass),
  );
  return found?.protectedClass ?? null;
}
