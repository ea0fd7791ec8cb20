import { matchesOf } from './matches.ts';
import { simplify } from './normalize.ts';
import { EXCELLENT_CUES, FAIR_CUES, GOOD_CUES, NEEDS_WORK_CUES, POOR_CUES } from './condition-cues.ts';

export type Condition = 'move_in_ready' | 'needs_minor_work' | 'needs_major_work';

// "Doesn't need anything" must win over the "needs" rules below.
const READY_BY_NEGATION =
  /\b(?:(?:doesnt|does not|dont|wont|will not) need (?:any(?:thing)?|much|a thing|any work|any repairs|work|repairs)|no (?:work|repairs|updates|fixing) (?:needed|necessary|required)|nothing (?:needs|to fix|to do|wrong)|no necesita (?:nada|reparaciones|arreglos|trabajo)|no hay que (?:arreglar|reparar) nada)\b/;
const NOT_READY = /\b(?:not (?:quite |exactly |really )?(?:move[- ]?in ready|turn ?key)|no esta lista)\b/;
const MAJOR =
  /\b(?:fixer(?:[- ]?upper)?|needs? (?:a lot of|lots of|tons of|major|significant|serious|extensive|a ton of|so much|a full|complete|total|everything|gutted|a new roof|new roof|a roof|roof|foundation|new plumbing|plumbing|new electrical|electrical|rewiring)\b|needs (?:work|repairs|fixing|tlc)(?! (?:done|here and there))|major (?:repairs?|work|issues?|damage|problems?)|foundation (?:issues?|problems?|cracks?|damage|work)|cracked foundation|(?:roof|plumbing|electrical|sewer) (?:leaks?|issues?|problems?|damage)|leaky roof|leaking roof|roof leaks|(?:water|fire|smoke|flood|termite|storm) damage|termites?|black mold|mold|asbestos|tear ?down|gut (?:job|it)|gutted|run ?down|falling apart|bad shape|rough shape|poor (?:shape|condition)|bad condition|hoarder|uninhabitable|condemned|as[- ]is|needs to be (?:gutted|redone|remodeled)|mucho trabajo|muchas reparaciones|necesita reparaciones|necesita (?:un )?techo|reparaciones mayores|problemas de (?:cimientos|cimentacion|plomeria|techo)|mal estado|para remodelar|tal como esta|moho|termitas|(?:techo|tejado) (?:gotea|con goteras)|goteras?|danos? (?:de|por) agua)\b/;
const MINOR =
  /\b(?:(?:needs?|could use|would need) (?:a little|a bit of|some|minor|small|a few|light|cosmetic|a couple)(?: \w+)?|needs? (?:paint|painting|new paint|carpet|new carpet|flooring|new floors|updating|updates|touch ?ups|landscaping|tlc here and there)|cosmetic|touch ?ups?|minor (?:repairs?|work|fixes|issues|updates)|(?:a )?few (?:repairs|fixes|things)|small (?:repairs|fixes|things)|little (?:work|tlc|things)|some tlc|a little tlc|(?:bit |little )?dated|outdated|original (?:kitchen|bathrooms?|condition)|needs? (?:a )?(?:kitchen|bathroom|bath) (?:update|remodel)|(?:some|a few|minor|small) (?:updates|upgrades|repairs|fixes|work) (?:needed|necessary|required|to do)|needs? (?:some )?updat\w*|pequenas reparaciones|algunas reparaciones|algunos detalles|detalles|necesita (?:pintura|pintar|alfombra|piso|algo de trabajo|un poco de trabajo)|un poco de trabajo|algo anticuada|anticuada)\b/;
const READY =
  /\b(?:move[- ]?in[- ]?ready|ready to move in|turn ?key|(?:just|recently|newly|fully|completely|totally|all) (?:remodeled|renovated|updated|redone|upgraded|rehabbed)|remodeled|renovated|fully updated|great (?:shape|condition)|good (?:shape|condition)|excellent (?:shape|condition)|perfect (?:shape|condition)|pristine|mint condition|like new|brand new|well (?:maintained|kept|cared for)|immaculate|lista para (?:vivir|mudarse|habitar|entrar)|(?:en )?(?:buen|excelente|perfecto) estado|(?:en )?buenas condiciones|remodelada|renovada|como nueva|recien remodelada)\b/;

/**
 * The property's condition as the seller describes it: "move-in ready", "turnkey", "just
 * remodeled" → move_in_ready; "needs some paint", "a little dated" → needs_minor_work; "needs
 * work", "fixer", "as-is", "foundation issues" → needs_major_work. The most severe statement wins.
 * What these rules miss is read by `readCondition` and folded into the three kinds.
 */
export function extractCondition(text: string): Condition | null {
  const simple = simplify(text);
  if (READY_BY_NEGATION.test(simple)) return 'move_in_ready';
  if (MAJOR.test(simple)) return 'needs_major_work';
  if (MINOR.test(simple) || NOT_READY.test(simple)) return 'needs_minor_work';
  if (READY.test(simple)) return 'move_in_ready';
  // Everyday wordings the rules above miss ("it's a mess", "tenants trashed it", "decent shape").
  const grade = readCondition(text);
  if (grade === 'excellent' || grade === 'good') return 'move_in_ready';
  if (grade === 'fair') return 'needs_minor_work';
  return grade ? 'needs_major_work' : null;
}

const STILL_NEEDS = /\b(?:needs?|could use|necesita|le falta|falta)\b/;

/** The five grades the corpus and the CRM use: excellent, good, fair, needs_work, poor. */
export type ConditionGrade = 'excellent' | 'good' | 'fair' | 'needs_work' | 'poor';

export interface ConditionOptions {
  /** True when the bot just asked about the condition: bare "good", "ok", "meh", "bien" then count. */
  justAsked?: boolean;
}

const GRADES: readonly ConditionGrade[] = ['excellent', 'good', 'fair', 'needs_work', 'poor'];

// One or two rooms redone ("we redid the kitchen", "remodeled kitchen and baths"): the best grade
// when nothing else grades the house; "good shape, we redid the kitchen" stays good.
const ROOMS_REDONE =
  /\b(?:(?:remodeled|renovated|redid|redone|updated|upgraded|new) (?:the |our |a )?(?:kitchen|baths?|bathrooms?)|(?:kitchen|baths?|bathrooms?) (?:was |were |got )?(?:remodeled|renovated|redone|updated)|(?:remodelamos|renovamos|arreglamos) (?:la cocina|los banos?|el bano))\b/g;
const KITCHEN_AND_BATHS = /\b(?:kitchen|cocina) (?:and|y|&) (?:the |los )?(?:baths?|bathrooms?|banos?)\b/;
// "<word> shape/condition": "decent shape", "rough condition", "en buen estado".
const SHAPE = /\b([a-z]+) (?:shape|condition|condicion)\b/;
const SHAPE_WORD: Record<string, ConditionGrade> = {
  excellent: 'excellent',
  great: 'excellent',
  perfect: 'excellent',
  mint: 'excellent',
  pristine: 'excellent',
  amazing: 'excellent',
  good: 'good',
  decent: 'good',
  nice: 'good',
  solid: 'good',
  fine: 'good',
  ok: 'fair',
  okay: 'fair',
  fair: 'fair',
  average: 'fair',
  rough: 'needs_work',
  bad: 'poor',
  poor: 'poor',
  terrible: 'poor',
  awful: 'poor',
  horrible: 'poor',
};
// A house described by its subject outside the condition question ("house is fine").
const SUBJECT_GRADE =
  /\b(?:(?:house|home|place|property|condo)(?: is| s|s)|la casa (?:esta|ta))(?: in)? (?:(excellent|great|perfect)|(good|fine|decent|solid|bien|buena)|(ok|okay|alright|average|regular)|(bad|rough|terrible|mal))\b/;
// The whole answer is one word or two, as people answer "what shape is it in?".
const BARE_WORD: Record<string, ConditionGrade> = {
  excellent: 'excellent',
  great: 'excellent',
  perfect: 'excellent',
  amazing: 'excellent',
  excelente: 'excellent',
  mint: 'excellent',
  immaculate: 'excellent',
  flawless: 'excellent',
  good: 'good',
  gud: 'good',
  decent: 'good',
  // "it's fine" answers like "it's ok"; "the house is fine" said unasked reads good (SUBJECT_GRADE).
  fine: 'fair',
  solid: 'good',
  clean: 'good',
  nice: 'good',
  bien: 'good',
  buena: 'good',
  bonita: 'good',
  ok: 'fair',
  okay: 'fair',
  oke: 'fair',
  alright: 'fair',
  normal: 'fair',
  fair: 'fair',
  meh: 'fair',
  eh: 'fair',
  old: 'fair',
  original: 'fair',
  bad: 'poor',
  // "it's rough" is real repairs; "really rough" is POOR_CUES.
  rough: 'needs_work',
  terrible: 'poor',
  awful: 'poor',
  horrible: 'poor',
  mal: 'poor',
};
const FILLER = new Set(
  (
    'its it is s was honestly tbh lol pretty really very kinda just overall house home the ' +
    'esta la casa muy bastante yeah i think id say probably prob guess suppose would about ' +
    'overall all in all sorta kind of im imo its like'
  ).split(' '),
);
// "7/10", "a 4 out of 10", "on a scale of 1-10 maybe a 7".
const OUT_OF_TEN = /\b(10|[1-9](?:\.5)?) ?(?:\/|out of) ?10\b/;
const SCALE = /\bscale\b/;
const SCALE_ANSWER = /\b(?:a|an) (10|[1-9](?:\.5)?)\b/;
// A bare grade: "a 7", "maybe an 8", "like 6".
const BARE_SCORE =
  /^(?:(?:maybe|like|prob|probably|about|around|id say|i d say)\s)?(?:(?:a|an)\s)?(10|[1-9](?:\.5)?)[.!]?$/;
const NEW_ITEMS =
  /\bnew (?:roof|hvac|ac|windows|floors|flooring|kitchen|paint|carpet|plumbing|pool|appliances|cabinets|counters|water heater)\b/g;
const NEW_ITEMS_ES = /\b(?:cocina|pisos?|techo|ventanas|banos?) nuev[oa]s?\b/g;
const NEED_BEFORE_NEW = /\b(?:needs?|need|necesita|ocupa)\s+(?:\w+\s+){0,2}$/;
const THE_WORKS = /\bthe works\b/g;
const AS_IS = /\bas[- ]is\b/;
const CASH = /\bcash\b/;

const CLAUSE_BREAK = /[,.;!?]+|\bbut\b|\bpero\b/;
// "I'm good", "we're all good": no thanks, not the house.
const NO_THANKS_GOOD = /\b(?:im|i am|were|we are|all|we|were all|its all) good\b/;
const SO_SO = /\bmas o menos\b/;
const AFTER_PUNCTUATION = /(?<=[,.;!?])/;

/** The message without the clauses that ask ("¿hay que arreglar algo?" asks, it does not state). */
function statedPart(simple: string): string {
  return simple
    .split(AFTER_PUNCTUATION)
    .filter((clause) => !clause.includes('?'))
    .join(' ');
}

function fromScore(score: number): ConditionGrade {
  if (score >= 9) return 'excellent';
  if (score >= 7) return 'good';
  if (score >= 5) return 'fair';
  if (score >= 3) return 'needs_work';
  return 'poor';
}

/** Improvements the seller lists ("new roof 2023, new HVAC"), not ones the house needs. */
function improvements(simple: string): number {
  let count = 0;
  for (const re of [NEW_ITEMS, NEW_ITEMS_ES]) {
    for (const m of matchesOf(re, simple)) {
      if (!NEED_BEFORE_NEW.test(simple.slice(Math.max(0, m.index - 30), m.index))) count += 1;
    }
  }
  return count;
}

function bareGrade(simple: string): ConditionGrade | null {
  const tokens = simple
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return null;
  let grade: ConditionGrade | null = null;
  for (const t of tokens) {
    const g = BARE_WORD[t];
    if (g) grade = grade === null || GRADES.indexOf(g) > GRADES.indexOf(grade) ? g : grade;
    else if (!FILLER.has(t)) return null;
  }
  return grade;
}

/**
 * The condition as the five grades: "turnkey", "just remodeled" → excellent; "good shape", "needs
 * paint" → good; "dated", "needs TLC", "meh" → fair; "needs a new roof", "fixer", "water damage" →
 * needs_work; "tear-down", "fire damage", "uninhabitable" → poor. The most severe statement wins,
 * except that a cosmetic "needs paint" does not lower a "good". Bare words ("good", "ok", "bien")
 * and scores ("7/10") count only right after the condition question; "as is" alone says nothing.
 */
export function readCondition(text: string, options: ConditionOptions = {}): ConditionGrade | null {
  const simple = statedPart(simplify(text));
  const found = new Set<ConditionGrade>();
  // A bare "ok", "fine" or "alright" beside cosmetic work only ("ok, needs paint and carpet")
  // is the cosmetic grade: good.
  const bareFound = new Set<ConditionGrade>();
  if (POOR_CUES.test(simple) || (AS_IS.test(simple) && CASH.test(simple))) found.add('poor');
  // "new floors, quartz, the works" lists what was done; "needs flooring, paint, the works" what is left.
  const done = EXCELLENT_CUES.test(simple) || improvements(simple) >= 2;
  if (NEEDS_WORK_CUES.test(done ? simple.replace(THE_WORKS, ' ') : simple)) found.add('needs_work');
  if (FAIR_CUES.test(simple)) found.add('fair');
  if (GOOD_CUES.test(simple)) found.add('good');
  if (done) found.add('excellent');
  const shape = SHAPE_WORD[SHAPE.exec(simple)?.[1] ?? ''];
  if (shape) found.add(shape);
  if (READY_BY_NEGATION.test(simple)) found.add('excellent');
  const subject = SUBJECT_GRADE.exec(simple);
  if (subject) {
    const index = [1, 2, 3, 4].find((i) => subject[i] !== undefined) ?? 2;
    const grade = (['excellent', 'good', 'fair', 'poor'] as const)[index - 1] ?? 'good';
    // "house is ok just needs paint": an "ok" beside cosmetic work only is good, as a bare one is.
    (grade === 'fair' ? bareFound : found).add(grade);
  }
  if (options.justAsked) {
    const score =
      OUT_OF_TEN.exec(simple) ??
      (SCALE.test(simple) ? SCALE_ANSWER.exec(simple) : null) ??
      BARE_SCORE.exec(simple);
    if (score) found.add(fromScore(Number(score[1])));
    for (const clause of simple.split(CLAUSE_BREAK)) {
      const bare = bareGrade(clause);
      if (bare) bareFound.add(bare);
    }
    // Words that grade inside a longer answer: "decent. needs paint", "dated but clean".
    const graded = NO_THANKS_GOOD.test(simple) ? simple.replace(NO_THANKS_GOOD, ' ') : simple;
    for (const w of graded.match(/[a-z]+/g) ?? []) {
      const g = BARE_WORD[w];
      if (g && g !== 'poor' && w.length > 2 && !['old', 'eh'].includes(w)) bareFound.add(g);
    }
    if (SO_SO.test(simple)) bareFound.add('fair');
  }
  // A room or two redone grades the house only when nothing else does; "its good, we updated the
  // bathrooms" stays good, "remodeled kitchen and baths, really nice" is the remodel's.
  if (found.size === 0 && !STILL_NEEDS.test(simple)) {
    const redone = matchesOf(ROOMS_REDONE, simple).length + (KITCHEN_AND_BATHS.test(simple) ? 1 : 0);
    if (redone >= 2 || (redone === 1 && bareFound.size === 0)) found.add('excellent');
  }
  const cosmeticOnly = GOOD_CUES.test(simple) && found.size > 0 && [...found].every((g) => g === 'good');
  for (const g of bareFound) if (!(cosmeticOnly && g === 'fair')) found.add(g);
  if (found.size === 0) return null;
  // "muy buenas condiciones, la remodelamos": praise beside a remodel is the remodel's grade,
  // unless something still needs doing ("remodeled, just needs paint" is good).
  if (found.has('excellent') && found.has('good') && found.size === 2 && !STILL_NEEDS.test(simple))
    return 'excellent';
  // The most severe grade stated wins; "great shape ... updated" stays excellent.
  return GRADES.filter((g) => found.has(g)).at(-1) ?? null;
}
