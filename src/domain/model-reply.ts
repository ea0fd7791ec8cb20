import { checkOutbound, countQuestions, type OutboundOptions } from './compliance/index.ts';

export type ModelReplyViolation =
  | ReturnType<typeof checkOutbound>['violations'][number]
  | 'invented_figure'
  | 'dropped_question'
  | 'language';

/** Digits as written, with separators and a trailing k/M kept: "$650k", "4", "30-45" → "650k", "4", "30", "45". */
function figures(text: string): string[] {
  // A figure starts at the first digit of a run; starting again inside the run re-read it to the end.
  return (text.match(/\d(?<!\d[,.]*\d)[\d,.]*\s*[kKmM]?\b/g) ?? []).map((f) =>
    f.replace(/\s+/g, '').replace(/[.,]$/, '').replace(/,/g, '').toLowerCase(),
  );
}

const SPANISH = /[¿¡ñáéíóú]|\b(?:usted|gracias|casa|hola|cuando|para|que|su|tu|es|la|el|los|las|con|por)\b/i;
const CLEARLY_SPANISH = /[¿¡]|\b(?:usted|gracias|hola|cuándo|casa|quiere|puedo)\b/i;

/**
 * A model's wording of a reply the bot already decided is used only when it passes every rule an
 * offline reply passes (length, one question, no URL, no emoji, no AI mention, no steering) and it
 * stays faithful: no figure the bot and the lead did not say, the question kept when the bot asked
 * one, and the lead's language kept. Anything else → the offline wording goes out.
 */
export function checkModelReply(
  candidate: string,
  ctx: { offline: string; leadMessage: string; lang: 'en' | 'es' } & OutboundOptions,
): { ok: boolean; violations: ModelReplyViolation[] } {
  const violations: ModelReplyViolation[] = [...checkOutbound(candidate, ctx).violations];
  const known = new Set([...figures(ctx.offline), ...figures(ctx.leadMessage)]);
  if (figures(candidate).some((f) => !known.has(f))) violations.push('invented_figure');
  if (countQuestions(ctx.offline) > 0 && countQuestions(candidate) === 0) violations.push('dropped_question');
  const spanish = ctx.lang === 'es' ? SPANISH.test(candidate) : !CLEARLY_SPANISH.test(candidate);
  if (!spanish) violations.push('language');
  return { ok: violations.length === 0, violations };
}
