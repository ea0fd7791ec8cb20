import type { ListingStatus } from '../buyer/listing.ts';
import type { Lang } from '../state.ts';
import { QUESTION_TOPICS, type QuestionTopic } from '../understand/types.ts';

/**
 * Every topic a realtor can write an answer for; `other` always goes to the agent.
 * `area_quality` is not a reading of its own: it is the answer to an area question about schools,
 * safety or which neighbourhood is "good", which fair housing forbids answering with a verdict
 * (or with prices that steer), so it gets a neutral pointer to public sources instead.
 * `preapproval_how` is the answer to a pre-approval question that asks how to get one ("how do I
 * get pre-approved?", "do I go to my bank?") rather than whether one is needed.
 * `down_payment` answers a general question about the down payment ("how much do I need to put
 * down?", "are there first-time buyer programs?", "¿hay programas para el enganche?").
 * `repairs` answers whether a house must be fixed up before it is sold ("do I have to fix it up
 * first?", "can I sell it as is?", "¿tengo que arreglarla antes de vender?").
 */
export type KnowledgeTopic =
  | Exclude<QuestionTopic, 'other'>
  | 'area_quality'
  | 'preapproval_how'
  | 'down_payment'
  | 'repairs';

export const KNOWLEDGE_TOPICS: readonly KnowledgeTopic[] = [
  ...QUESTION_TOPICS.filter((t): t is Exclude<QuestionTopic, 'other'> => t !== 'other'),
  'area_quality',
  'preapproval_how',
  'down_payment',
  'repairs',
];

/**
 * The wordings of one answer in one language, best first. The first one whose `{placeholders}`
 * are all known (and that fits in one SMS) is sent; the later ones are fallbacks for when a fact
 * (brokerage, license, email, a data field) is missing.
 */
export type Wording = readonly string[];

export interface TopicAnswer {
  en: Wording;
  es: Wording;
}

/** `null` for a topic means the realtor answers it personally: the bot never does. */
export interface KnowledgeBase {
  topics: Record<KnowledgeTopic, TopicAnswer | null>;
}

/** Who is writing, as the realtor configured it; the answers name nothing else. */
export interface KnowledgeFacts {
  agentName: string;
  market: string;
  assistantName?: string;
  brokerage?: string;
  licenseNumber?: string;
  /** The lead's own email, when known, so "email me instead" can be confirmed. */
  leadEmail?: string;
}

/** Data the app looked up for this question. Data-backed topics answer only from it. */
export type AnswerData =
  /** An instant range from the CMA engine (dollars). */
  | { kind: 'value'; low: number; high: number; address?: string }
  /** One listing from the listings source. */
  | { kind: 'listing'; address: string; price: number; beds: number; status: ListingStatus }
  /** Price level of an area from the comps: median sold price, over `months`, median days on market. */
  | { kind: 'area'; area: string; median: number; months?: number; days?: number };

export type Answer = { text: string; source: string } | { unknown: true };

export type { Lang };
