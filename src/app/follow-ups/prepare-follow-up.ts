import type { ContactRow } from '../../ports/contact-store.ts';
import type { BotsConfig } from '../../domain/bots-config.ts';
import type { Listing } from '../../domain/buyer/listing.ts';
import { buyerNeeds, describeMatchShort, matchListings } from '../../domain/buyer/matching.ts';
import { marketSummary } from '../../domain/cma/market-summary.ts';
import type { CmaSubject } from '../../domain/cma/types.ts';
import type { BotName } from '../../domain/conversation.ts';
import {
  composeCmaEmail,
  composeFollowUp,
  type FollowUpContext,
  type FollowUpMessage,
  type FollowUpStep,
  type MarketFact,
} from '../../domain/follow-up/index.ts';
import { readState } from '../../domain/state.ts';
import type { ModelCallRecord } from '../../ports/model-call-record.ts';
import type { NarrativeInput } from '../language-model/narrative-prompt.ts';
import { type CmaCache, type CmaData, CmaPdfError, generateCma, localDay } from './generate-cma.ts';

export interface FollowUpContentDeps {
  bots: BotsConfig;
  listings: readonly Listing[];
  comps: CmaData;
  cmaCache: CmaCache;
  renderCma: Parameters<typeof generateCma>[0]['render'];
  /** The language model's explanation of a CMA for the email, when a model is configured. */
  narrate?: (input: NarrativeInput) => Promise<{ text: string | null; record: ModelCallRecord | null }>;
}

export interface PreparedFollowUp {
  message: FollowUpMessage;
  /** The CMA PDF for a `cma_email`; absent when it could not be made (the email says so). */
  pdf?: Buffer;
  /** What went wrong making the CMA, for the follow-up record and the agent's task. */
  cmaError?: string;
  /** Model calls made while preparing (the CMA narrative), for the contact's usage ledger. */
  modelRecords?: ModelCallRecord[];
}

const BOTS: readonly BotName[] = ['lead', 'seller', 'buyer'];

/**
 * Loads what one step needs to say (facts, market figures, CMA, buyer matches) and composes it.
 * The CMA is only made for day 14; a CMA that cannot be rendered still yields the email, without
 * the attachment, and reports the error.
 */
export async function prepareFollowUp(
  deps: FollowUpContentDeps,
  step: FollowUpStep,
  input: { contact: ContactRow; bot: string; state: Record<string, unknown>; now: Date; timezone: string },
): Promise<PreparedFollowUp> {
  const bot = (BOTS as readonly string[]).includes(input.bot) ? (input.bot as BotName) : 'lead';
  const st = readState(input.state, bot);
  const f = st.facts;
  const today = localDay(input.now, input.timezone);
  const area = f.areas?.[0];
  const ctx: FollowUpContext = {
    lang: st.lang,
    bot: st.owner,
    temperature: st.temperature,
    agentName: deps.bots.persona.agentName,
    ...(input.contact.first_name ? { firstName: input.contact.first_name } : {}),
    ...(area ? { area } : {}),
    hasEmail: Boolean(input.contact.email),
    ...(f.address ? { address: f.address } : {}),
    today,
  };
  const fact = marketFactFor(deps, area, today);
  if (fact) ctx.marketFact = fact;
  if (step !== 'day14') return { message: composeFollowUp(step, ctx) };

  if (ctx.bot === 'buyer') {
    const { matches, total } = matchListings(deps.listings, buyerNeeds(f), { limit: 5, today });
    const best = matches[0];
    ctx.matches = { total, ...(best ? { best: describeMatchShort(best, ctx.lang) } : {}) };
    ctx.matchesList = matches.map((m) => ({
      address: `${m.listing.address}, ${m.listing.city}`,
      price: m.listing.price,
      beds: m.listing.beds,
      baths: m.listing.baths,
      neighborhood: m.listing.neighborhood,
    }));
    return { message: composeFollowUp(step, ctx) };
  }
  if (!f.address) return { message: composeFollowUp(step, ctx) };

  const subject: CmaSubject = {
    address: f.address,
    ...(f.condition ? { condition: f.condition } : {}),
    ...(f.priceExpectation ? { sellerPrice: f.priceExpectation } : {}),
    ...(f.beds !== undefined ? { beds: f.beds } : {}),
    ...(f.baths !== undefined ? { baths: f.baths } : {}),
  };
  const cmaDeps = {
    data: deps.comps,
    render: deps.renderCma,
    clock: { now: () => input.now },
    timezone: input.timezone,
    cache: deps.cmaCache,
  };
  try {
    const out = await generateCma(cmaDeps, subject);
    if (!out.ok) return { message: composeFollowUp(step, ctx), cmaError: out.reason };
    ctx.cma = out.cma.range;
    const modelRecords: ModelCallRecord[] = [];
    if (ctx.hasEmail && deps.narrate) {
      const narrated = await deps.narrate({ lang: ctx.lang, address: f.address, cma: out.cma });
      if (narrated.record) modelRecords.push(narrated.record);
      if (narrated.text) ctx.cmaNarrative = narrated.text;
    }
    return { message: composeFollowUp(step, ctx), pdf: out.pdf, modelRecords };
  } catch (err) {
    const cmaError = err instanceof Error ? err.message : String(err);
    if (!(err instanceof CmaPdfError)) return { message: composeFollowUp(step, ctx), cmaError };
    ctx.cma = err.cma.range;
    const message = composeFollowUp(step, ctx);
    if (message.kind !== 'cma_email') return { message, cmaError };
    const email = composeCmaEmail(
      {
        lang: ctx.lang,
        agentName: ctx.agentName,
        ...(ctx.firstName ? { firstName: ctx.firstName } : {}),
        address: f.address,
        cma: ctx.cma,
        ...(ctx.marketFact ? { marketFact: ctx.marketFact } : {}),
      },
      { pdfAttached: false },
    );
    return { message: { ...message, ...email }, cmaError };
  }
}

/** Recent sales in the lead's area (a neighbourhood in the comps), else across the whole market. */
function marketFactFor(
  deps: FollowUpContentDeps,
  area: string | undefined,
  today: string,
): MarketFact | null {
  const wanted = area?.trim().toLowerCase();
  const hood = wanted
    ? deps.comps.comps.find((c) => c.neighborhood.toLowerCase() === wanted)?.neighborhood
    : undefined;
  const s = marketSummary(deps.comps.comps, today, hood ?? null);
  if (s.medianPrice === null) return null;
  const label = hood ?? deps.bots.persona.market.split(',')[0]?.trim() ?? deps.bots.persona.market;
  return {
    area: label,
    medianPrice: s.medianPrice,
    medianDaysOnMarket: s.medianDaysOnMarket ?? 0,
    sales: s.sales,
    months: s.months,
  };
}
