import { checkOutbound } from '../compliance/index.ts';
import { fill } from '../templates/index.ts';
import { formatUsd, formatUsdShort, greetingName } from './format.ts';
import type { AgentTask, FollowUpContext, MarketFact } from './types.ts';
import { type FollowUpWording, wordingFor } from './wording.ts';

/** Carrier single-segment length; every follow-up text fits it. */
export const SMS_MAX_LENGTH = 160;

/** A figure worth quoting: at least a few sales and real numbers. */
const MIN_SALES_FOR_FACT = 3;

export function usableFact(fact: MarketFact | undefined): fact is MarketFact {
  return (
    fact !== undefined &&
    fact.area.trim() !== '' &&
    fact.sales >= MIN_SALES_FOR_FACT &&
    fact.medianPrice > 0 &&
    Number.isInteger(fact.months) &&
    fact.months >= 1
  );
}

export function period(w: FollowUpWording, months: number): string {
  return months === 1 ? w.day7.periodOne : fill(w.day7.periodMany, { months });
}

/** "Homes in Etiwanda sold for a median $845k over the last 6 months, in about 21 days." */
export function factSentence(w: FollowUpWording, fact: MarketFact): string {
  const params = {
    area: fact.area.trim(),
    price: formatUsdShort(fact.medianPrice),
    period: period(w, fact.months),
    days: Math.round(fact.medianDaysOnMarket),
  };
  return fill(fact.medianDaysOnMarket >= 1 ? w.day7.factWithDays : w.day7.factNoDays, params);
}

/**
 * The richest text that passes every outbound rule: each body with the named greeting, then the
 * plain one, then the bodies alone. Bodies come richest first, so a long name, area or address
 * drops detail instead of being cut. The last body is static wording and always passes.
 */
function bestText(ctx: FollowUpContext, bodies: readonly string[]): string {
  const w = wordingFor(ctx.lang);
  const name = greetingName(ctx.firstName);
  const named = name === undefined ? null : fill(w.greeting.named, { name, agent: ctx.agentName.trim() });
  const plain = fill(w.greeting.plain, { agent: ctx.agentName.trim() });
  const candidates: string[] = [];
  for (const body of bodies) {
    if (named) candidates.push(`${named} ${body}`);
    candidates.push(`${plain} ${body}`);
  }
  candidates.push(...bodies);
  const placeNames = [ctx.area, ctx.marketFact?.area].filter((p): p is string => Boolean(p));
  const passes = (text: string) =>
    checkOutbound(text, { maxLength: SMS_MAX_LENGTH, agentName: ctx.agentName, placeNames }).ok;
  return candidates.find(passes) ?? bodies[bodies.length - 1] ?? plain;
}

export function day3Text(ctx: FollowUpContext): string {
  const w = wordingFor(ctx.lang);
  return bestText(ctx, [w.day3[ctx.bot][ctx.temperature ?? 'warm']]);
}

export function day7Sms(ctx: FollowUpContext): { body: string; task: AgentTask } {
  const w = wordingFor(ctx.lang);
  const fact = usableFact(ctx.marketFact) ? ctx.marketFact : undefined;
  const bodies = fact
    ? [`${factSentence(w, fact)} ${w.day7.closer[ctx.bot]}`, factSentence(w, fact), w.day7.noFact[ctx.bot]]
    : [w.day7.noFact[ctx.bot]];
  const body = bestText(ctx, bodies);
  return { body, task: day7Task(ctx, body, fact) };
}

function day7Task(ctx: FollowUpContext, sent: string, fact: MarketFact | undefined): AgentTask {
  const name = greetingName(ctx.firstName);
  const who = `${ctx.bot} bot, ${ctx.temperature ?? 'no'} temperature${ctx.lang === 'es' ? ', prefers Spanish' : ''}`;
  const lines = [`The day 7 follow-up text went out (${who}).`, `Text sent: "${sent}"`];
  if (fact && sent.includes(formatUsdShort(fact.medianPrice))) {
    const days =
      fact.medianDaysOnMarket >= 1 ? `, about ${Math.round(fact.medianDaysOnMarket)} days on market` : '';
    lines.push(
      `Figure shared: ${fact.area} median ${formatUsd(fact.medianPrice)} over ${fact.months} months${days}, ${fact.sales} sales.`,
    );
  }
  if (ctx.address) lines.push(`Property: ${ctx.address}`);
  lines.push('Give them a call to see where they stand.');
  return { title: `Call ${name ?? 'this lead'}: day 7 follow-up`, body: lines.join('\n') };
}

export function day30Text(ctx: FollowUpContext): string {
  const w = wordingFor(ctx.lang);
  return bestText(ctx, [`${w.day30.intro[ctx.bot]} ${w.day30.ask}`, w.day30.ask]);
}

export function askAddressText(ctx: FollowUpContext): string {
  return bestText(ctx, [wordingFor(ctx.lang).day14.askAddress]);
}

export function rangeText(ctx: FollowUpContext, cma: { low: number; high: number }): string {
  const w = wordingFor(ctx.lang).day14;
  const low = formatUsdShort(cma.low);
  const high = formatUsdShort(cma.high);
  const places = ctx.address ? [ctx.address.trim(), w.yourHome] : [w.yourHome];
  return bestText(
    ctx,
    places.map((place) => fill(w.rangeNoEmail, { place, low, high })),
  );
}

export function noCmaSms(ctx: FollowUpContext): { body: string; task: AgentTask } {
  const w = wordingFor(ctx.lang).day14;
  const places = ctx.address ? [ctx.address.trim(), w.yourHome] : [w.yourHome];
  const body = bestText(
    ctx,
    places.map((place) => fill(w.noCma, { place })),
  );
  const task: AgentTask = {
    title: `Prepare a CMA by hand for ${ctx.address ?? 'this property'}`,
    body: `No automatic CMA could be built for this address (too few comparable sales), so the day 14 text offered a call instead.\nText sent: "${body}"`,
  };
  return { body, task };
}

export function buyerMatchesText(ctx: FollowUpContext, total: number, best: string | undefined): string {
  const w = wordingFor(ctx.lang).day14;
  if (total <= 0) return bestText(ctx, [w.noMatches]);
  const offer = ctx.hasEmail ? w.sendListAsk : w.sendListReply;
  const withBest = best?.trim()
    ? fill(total === 1 ? w.matchesOne : w.matchesMany, { count: total, best: best.trim() })
    : undefined;
  const noBest = fill(total === 1 ? w.matchesOneNoBest : w.matchesManyNoBest, { count: total });
  const bodies = [withBest ? `${withBest} ${offer}` : undefined, `${noBest} ${offer}`, offer].filter(
    (b): b is string => b !== undefined,
  );
  return bestText(ctx, bodies);
}
