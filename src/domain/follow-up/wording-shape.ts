import type { BotName, Temperature } from '../conversation.ts';

// The shape every language's follow-up wording must fill in, so a missing Spanish phrase is a
// type error rather than an English sentence in a Spanish conversation. `{name}`-style holes are
// filled with `fill` from domain/templates.

export interface FollowUpWording {
  /** Opens every text; `plain` is for when there is no usable first name. */
  greeting: { named: string; plain: string };
  /** Day-3 check-in after the greeting; a lead without a temperature reads as warm. */
  day3: Record<BotName, Record<Temperature, string>>;
  day7: {
    /** {area} {price} {period} {days} */
    factWithDays: string;
    /** {area} {price} {period} */
    factNoDays: string;
    periodOne: string;
    /** {months} */
    periodMany: string;
    /** Follows the fact. */
    closer: Record<BotName, string>;
    /** When there is no figure to share. */
    noFact: Record<BotName, string>;
  };
  day14: {
    askAddress: string;
    /** {place} {low} {high}; no email on file. */
    rangeNoEmail: string;
    yourHome: string;
    /** {place}; an address but no CMA could be built. */
    noCma: string;
    /** {count} {best} */
    matchesMany: string;
    /** {count} */
    matchesManyNoBest: string;
    /** {best} */
    matchesOne: string;
    matchesOneNoBest: string;
    /** Follows the matches sentence when an email is on file. */
    sendListAsk: string;
    /** Follows the matches sentence when no email is on file. */
    sendListReply: string;
    noMatches: string;
  };
  day30: { intro: Record<BotName, string>; ask: string };
  cmaEmail: {
    /** {address} */
    subject: string;
    /** {name} */
    hello: string;
    helloPlain: string;
    /** {address} */
    intro: string;
    rangeTitle: string;
    low: string;
    likely: string;
    high: string;
    /** {area} {price} {period} {days} {sales} */
    market: string;
    attached: string;
    toFollow: string;
    disclaimer: string;
    closing: string;
    signoff: string;
  };
  matchesEmail: {
    subjectOne: string;
    /** {count} */
    subjectMany: string;
    hello: string;
    helloPlain: string;
    intro: string;
    /** {address} {neighborhood} {price} {beds} {baths} */
    row: string;
    /** {count} */
    more: string;
    closing: string;
    signoff: string;
  };
}
