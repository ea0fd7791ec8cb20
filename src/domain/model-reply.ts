import { checkOutbound, countQuestions, type OutboundOptions } from './compliance/index.ts';
import { fold } from './language/normalize.ts';

export type ModelReplyViolation =
  | ReturnType<typeof checkOutbound>['violations'][number]
  | 'invented_figure'
  | 'invented_name'
  | 'invented_date'
  | 'dropped_question'
  | 'language';

/** Digits as written, with separators and a trailing k/M kept: "$650k", "4", "30-45" → "650k", "4", "30", "45". */
function figures(text: string): string[] {
  // A figure starts at the first digit of a run; starting again inside the run re-read it to the end.
  return (text.match(/\d(?<!\d[,.]*\d)[\d,.]*\s*[kKmM]?\b/g) ?? []).map((f) =>
    f.replace(/\s+/g, '').replace(/[.,]$/, '').replace(/,/g, '').toLowerCase(),
  );
}

// Amounts and shares in words. "one"/"uno"/"una" are left out: they are articles and pronouns
// far more often than figures.
const NUMBER_WORDS =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half|quarter|percent|grand|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|cientos|mil|millon|millones|mitad|porciento)\b/g;
// Days and dates. "may" and "march" are verbs too: capitalized mid-sentence they are names.
const DATE_WORDS =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|today|tonight|tomorrow|yesterday|january|february|april|june|july|august|september|october|november|december|christmas|thanksgiving|lunes|martes|miercoles|jueves|viernes|sabado|domingo|hoy|manana|ayer|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|navidad)\b/g;
// A capitalized word that does not start inside another word.
const CAPITALIZED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’-]*/gu;
const SENTENCE_MARK = /[.!?¿¡:;\n"(—–-]$/;

/** Whether the word at `index` opens a sentence (looking back a few characters only). */
function opensSentence(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 12), index).trimEnd();
  return before === '' || SENTENCE_MARK.test(before);
}
const POSSESSIVE = /['’]s$/;
const NON_WORD = /[^a-z0-9]+/g;

/** Words of one family (number words, date words) the candidate has and the sources do not. */
function newWords(pattern: RegExp, candidate: string, sources: string): boolean {
  const known = new Set(fold(sources).match(pattern) ?? []);
  return (fold(candidate).match(pattern) ?? []).some((w) => !known.has(w));
}

/**
 * Names the candidate adds: a capitalized word mid-sentence ("call Maria", "homes in Upland") or a
 * place name anywhere, that none of the sources (nor the agent's name) contains. "I" and words
 * that only open a sentence are not names.
 */
function newNames(
  candidate: string,
  sources: string,
  agentName: string,
  placeNames: readonly string[],
): boolean {
  const known = ` ${fold(`${sources} ${agentName}`).replace(NON_WORD, ' ')} `;
  const has = (word: string) => known.includes(` ${fold(word).replace(NON_WORD, ' ').trim()} `);
  for (const m of candidate.matchAll(CAPITALIZED)) {
    const word = m[0].replace(POSSESSIVE, '');
    if (word === 'I' || word.startsWith("I'") || word.startsWith('I’')) continue;
    if (opensSentence(candidate, m.index)) continue;
    if (!has(word)) return true;
  }
  const folded = ` ${fold(candidate).replace(NON_WORD, ' ')} `;
  return placeNames.some((p) => {
    const name = fold(p).replace(NON_WORD, ' ').trim();
    return name !== '' && folded.includes(` ${name} `) && !has(p);
  });
}

const SPANISH = /[¿¡ñáéíóú]|\b(?:usted|gracias|casa|hola|cuando|para|que|su|tu|es|la|el|los|las|con|por)\b/i;
const CLEARLY_SPANISH = /[¿¡]|\b(?:usted|gracias|hola|cuándo|casa|quiere|puedo)\b/i;

export interface ModelReplyContext extends OutboundOptions {
  /** The reply the bot decided. */
  offline: string;
  leadMessage: string;
  lang: 'en' | 'es';
  /**
   * The decided reply answers from the knowledge base or our data: every figure, name and date
   * must come from it, not even from the lead's message.
   */
  factsOnlyFromOffline?: boolean;
}

/**
 * A model's wording of a reply the bot already decided is used only when it passes every rule an
 * offline reply passes (length, one question, no URL, no emoji, no AI mention, no steering) and it
 * stays faithful: no figure (digits, amounts or shares in words), name or date the bot and the
 * lead did not say, the question kept when the bot asked one, and the lead's language kept.
 * Anything else → the offline wording goes out.
 */
export function checkModelReply(
  candidate: string,
  ctx: ModelReplyContext,
): { ok: boolean; violations: ModelReplyViolation[] } {
  const violations: ModelReplyViolation[] = [...checkOutbound(candidate, ctx).violations];
  const sources = ctx.factsOnlyFromOffline ? ctx.offline : `${ctx.offline}\n${ctx.leadMessage}`;
  const known = new Set(figures(sources));
  if (figures(candidate).some((f) => !known.has(f)) || newWords(NUMBER_WORDS, candidate, sources))
    violations.push('invented_figure');
  if (newNames(candidate, sources, ctx.agentName, ctx.placeNames ?? [])) violations.push('invented_name');
  if (newWords(DATE_WORDS, candidate, sources)) violations.push('invented_date');
  if (countQuestions(ctx.offline) > 0 && countQuestions(candidate) === 0) violations.push('dropped_question');
  const spanish = ctx.lang === 'es' ? SPANISH.test(candidate) : !CLEARLY_SPANISH.test(candidate);
  if (!spanish) violations.push('language');
  return { ok: violations.length === 0, violations };
}
