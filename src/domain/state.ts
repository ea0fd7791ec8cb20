import type { BotName, Temperature } from './conversation.ts';
import type { Condition, FinancingStatus, Hardship, Horizon, OfferPath } from './language/index.ts';

import type { ConditionSlot, MotivationSlot } from './understand/types.ts';

export type Lang = 'en' | 'es';

/** Everything learned about the lead. Shared by all bots, so a handoff never asks twice. */
export interface Facts {
  intent?: 'buy' | 'sell' | 'both';
  firstStep?: 'buy' | 'sell';
  motivation?: MotivationSlot;
  destination?: string;
  timelineAcceptable?: boolean;
  /** Condition in the three grades the CMA engine adjusts for. */
  condition?: Condition;
  /** Condition as the seller described it: excellent, good, fair, needs_work or poor. */
  conditionGrade?: ConditionSlot;
  priceExpectation?: number;
  /** A seller's range ("600 to 650"): no single price. */
  priceMin?: number;
  priceMax?: number;
  address?: string;
  email?: string;
  phone?: string;
  offerPath?: OfferPath;
  budgetMin?: number;
  budgetMax?: number;
  financing?: FinancingStatus;
  /** What a lender approved ("pre approved for 450k"): the budget only when the lead gives no other. */
  preApprovalAmount?: number;
  lender?: string;
  beds?: number;
  baths?: number;
  mustHaves?: string[];
  areas?: string[];
  horizon?: Horizon;
  months?: number;
  decisionMakers?: boolean;
  hardship?: Hardship;
  multipleProperties?: boolean;
  /** The language the lead asked us to write in ("can we talk in English?"): kept from then on. */
  language?: Lang;
}

/** The facts that answer a qualifying question (not details around one, like an address). */
export const QUALIFYING_FACTS: readonly (keyof Facts)[] = [
  'motivation',
  'months',
  'horizon',
  'conditionGrade',
  'priceExpectation',
  'priceMin',
  'budgetMax',
  'financing',
];

export type Stage = 'qualifying' | 'scheduling' | 'booked' | 'closed';

export interface Schedule {
  step: 'slots' | 'daypart' | 'day';
  slots: string[];
  daypart?: 'morning' | 'afternoon';
}

export interface ConversationState {
  v: 1;
  owner: BotName;
  lang: Lang;
  facts: Facts;
  /** The question we asked last, e.g. "seller.motivation"; answers are read against it. */
  pending: string | null;
  lastReply: string | null;
  vague: Record<string, number>;
  skipped: string[];
  evasive: number;
  misunderstood: number;
  addressAsked: boolean;
  stage: Stage;
  schedule: Schedule | null;
  handoffs: { from: BotName; to: BotName; at: string }[];
  inbound: number;
  leadScore: number;
  temperature: Temperature | null;
  /** The matching homes last written to a CRM note, to note again only when they change. */
  matchKey: string | null;
  closedReason: string | null;
  highValueEscalated?: boolean;
  /**
   * Why the bot itself handed the conversation to a person (its escalation's reason), while that
   * hold lasts; "resumed" once the lead, calm again, went on answering. Null when no hold of ours.
   */
  held?: string | null;
  /**
   * When the agent was last given a task for a message the bot did not answer: messages within
   * that task's 4 hours add none (the lead's burst is one thing to act on, and GHL shows each one).
   */
  silentTaskAt?: string | null;
  /** How many times each question was asked in this conversation (no question more than twice). */
  asked: Record<string, number>;
  /** The question this turn's reply asked, if any (reset every turn). */
  lastAsked: string | null;
}

export function initialState(owner: BotName): ConversationState {
  return {
    v: 1,
    owner,
    lang: 'en',
    facts: {},
    pending: null,
    lastReply: null,
    vague: {},
    skipped: [],
    evasive: 0,
    misunderstood: 0,
    addressAsked: false,
    stage: 'qualifying',
    schedule: null,
    handoffs: [],
    inbound: 0,
    leadScore: 0,
    temperature: null,
    matchKey: null,
    closedReason: null,
    asked: {},
    lastAsked: null,
  };
}

/** Reads stored state defensively: anything missing or from an older shape gets its default. */
export function readState(
  raw: Record<string, unknown> | null | undefined,
  owner: BotName,
): ConversationState {
  if (!raw || raw.v !== 1) return initialState(owner);
  const base = initialState(owner);
  const state = { ...base, ...(raw as Partial<ConversationState>) };
  return { ...state, facts: { ...((raw.facts as Facts) ?? {}) }, asked: { ...state.asked } };
}
