import { composeCmaEmail, composeMatchesEmail } from './emails.ts';
import { cmaAttachmentName } from './format.ts';
import type { FollowUpStep } from './schedule.ts';
import {
  askAddressText,
  buyerMatchesText,
  day3Text,
  day7Sms,
  day30Text,
  noCmaSms,
  rangeText,
} from './sms.ts';
import type { FollowUpContext, FollowUpMessage } from './types.ts';

/**
 * What one follow-up step says, in the lead's language and in a tone that fits the bot and the
 * lead's temperature. Pure: the app layer loads the context (CMA, market figures, matches) and
 * sends the result. Every `sms` body is at most 160 characters and passes `checkOutbound`.
 *
 * - day3: a check-in; hot leads hear a concrete next step, cold ones hear "no rush".
 * - day7: one market figure for their area plus a call `task` for the agent.
 * - day14: see `composeDay14`.
 * - day30: the last text, offering to close the file.
 */
export function composeFollowUp(step: FollowUpStep, ctx: FollowUpContext): FollowUpMessage {
  switch (step) {
    case 'day3':
      return { kind: 'sms', body: day3Text(ctx) };
    case 'day7':
      return { kind: 'sms', ...day7Sms(ctx) };
    case 'day14':
      return composeDay14(ctx);
    case 'day30':
      return { kind: 'sms', body: day30Text(ctx) };
  }
}

/**
 * Day 14. Buyers: the matching homes by email (`matches_email`) when they have an email and at
 * least one match is listed, otherwise a text with the count and the best one. Sellers and
 * leads: no address → a text asking for it; a CMA and an email → `cma_email` (the app attaches
 * the PDF as `attachmentName`); a CMA but no email → a text with the value range offering to
 * email the report; an address but no CMA → a text offering a call, with a task for the agent.
 */
export function composeDay14(ctx: FollowUpContext): FollowUpMessage {
  if (ctx.bot === 'buyer') {
    const homes = ctx.matchesList ?? [];
    if (ctx.hasEmail && homes.length > 0) {
      const email = composeMatchesEmail({
        lang: ctx.lang,
        agentName: ctx.agentName,
        ...(ctx.firstName === undefined ? {} : { firstName: ctx.firstName }),
        homes,
        ...(ctx.matches === undefined ? {} : { total: ctx.matches.total }),
      });
      return { kind: 'matches_email', ...email };
    }
    const total = ctx.matches?.total ?? homes.length;
    return { kind: 'sms', body: buyerMatchesText(ctx, total, ctx.matches?.best) };
  }
  const address = ctx.address?.trim();
  if (!address) return { kind: 'sms', body: askAddressText(ctx) };
  if (!ctx.cma) return { kind: 'sms', ...noCmaSms(ctx) };
  if (!ctx.hasEmail) return { kind: 'sms', body: rangeText(ctx, ctx.cma) };
  const email = composeCmaEmail(
    {
      lang: ctx.lang,
      agentName: ctx.agentName,
      ...(ctx.firstName === undefined ? {} : { firstName: ctx.firstName }),
      address,
      cma: ctx.cma,
      ...(ctx.marketFact === undefined ? {} : { marketFact: ctx.marketFact }),
      ...(ctx.cmaNarrative === undefined ? {} : { narrative: ctx.cmaNarrative }),
    },
    { pdfAttached: true },
  );
  return { kind: 'cma_email', ...email, attachmentName: cmaAttachmentName(address, ctx.today) };
}
