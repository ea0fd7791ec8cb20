import type { BotName, Temperature } from '../conversation.ts';
import type { Lang } from '../state.ts';

/** Recent sales in one area, as `marketSummary` (domain/cma) reports them. */
export interface MarketFact {
  area: string;
  /** Whole dollars. */
  medianPrice: number;
  medianDaysOnMarket: number;
  sales: number;
  /** The period the figures cover, counted back from today. */
  months: number;
}

/** One home in the buyer's day-14 email. */
export interface MatchListItem {
  /** Street address with city, as it should read in the email. */
  address: string;
  price: number;
  beds: number;
  baths: number;
  neighborhood: string;
}

export interface FollowUpContext {
  lang: Lang;
  bot: BotName;
  temperature: Temperature | null;
  agentName: string;
  firstName?: string;
  /** The lead's area of interest (neighbourhood or city). */
  area?: string;
  /** One concrete figure for the day-7 text; left out when the area has too few sales. */
  marketFact?: MarketFact;
  /** The contact has an email address on file. */
  hasEmail: boolean;
  /** The property address (sellers and leads). */
  address?: string;
  /** The CMA value range for `address`, whole dollars; absent when no CMA could be built. */
  cma?: { low: number; likely: number; high: number };
  /** The agent's explanation of the range for the day-14 email (optional, already checked). */
  cmaNarrative?: string;
  /** Buyer matches: how many homes fit, and the best one in a few words (already in `lang`). */
  matches?: { total: number; best?: string };
  /** Buyer matches for the day-14 email, best first (at most five are shown). */
  matchesList?: MatchListItem[];
  /** The contact's local calendar date, YYYY-MM-DD (dates the attachment name). */
  today: string;
}

export interface AgentTask {
  title: string;
  body: string;
}

export type FollowUpMessage =
  /** A text message; `task` is a to-do for the agent to create alongside it. */
  | { kind: 'sms'; body: string; task?: AgentTask }
  /** The day-14 email for a seller or lead; the app attaches the CMA PDF as `attachmentName`. */
  | { kind: 'cma_email'; subject: string; text: string; html: string; attachmentName: string }
  /** The day-14 email for a buyer: a short list of matching homes. */
  | { kind: 'matches_email'; subject: string; text: string; html: string };

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}
