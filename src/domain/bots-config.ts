import { defaultKnowledgeBase, type KnowledgeBase } from './knowledge/index.ts';
import { defaultNeighborhoods } from './language/index.ts';
import type { ObjectionPolicy } from './policy/objection-policies.ts';
import type { ObjectionType } from './understand/types.ts';

// Everything a realtor may tune without touching code. Defaults live here; a JSON/YAML file
// (BOTS_CONFIG_FILE) may override any part of it.

export interface TagNames {
  sellerActivation: string[];
  buyerActivation: string[];
  leadActivation: string[];
  /** Tags that keep every bot silent; `humanTakeover`, `aiOff` and `doNotSolicit` always do too. */
  offSwitches: string[];
  /** `{temp}` is Hot, Warm or Cold; `{who}` is Lead, Seller or Buyer. */
  temperature: string;
  sellerQualified: string;
  buyerQualified: string;
  optOut: string;
  aiOff: string;
  complianceAlert: string;
  ccpaDeletion: string;
  appointmentBooked: string;
  escalation: string;
  humanTakeover: string;
  /** `{from}` and `{to}` are Lead, Seller or Buyer. */
  handoff: string;
  /** Put on a lead who said no for good (has an agent, already bought…): never solicited again. */
  doNotSolicit: string;
}

/** Who the bots write for. Unset optional parts are left out, never made up. */
export interface Persona {
  agentName: string;
  market: string;
  timezone: string;
  /** The assistant's own name in its introduction; unset, it is "<agent>'s assistant". */
  assistantName?: string;
  /** The agent's brokerage, named in the introduction and in licensing answers. */
  brokerage?: string;
  /** The agent's license number (e.g. "DRE 01234567"), given when a lead asks. */
  licenseNumber?: string;
}

export interface BotsConfig {
  persona: Persona;
  /** What the bots may answer when a lead asks a question (KNOWLEDGE_FILE over the defaults). */
  knowledge: KnowledgeBase;
  neighborhoods: string[];
  tags: TagNames;
  thresholds: {
    leadHot: number;
    leadWarm: number;
    /** A buyer moving within this many days counts toward HOT. */
    buyerHotDays: number;
    handoffCooldownMinutes: number;
    /** Vague answers to one question before moving on. */
    vagueRetries: number;
    /** Evasive seller turns before closing politely and handing to a person. */
    evasiveLimit: number;
    smsMaxLength: number;
    /** A price or budget at or above this goes to a person (dollars). */
    highValue: number;
    /** Business hours for offered appointment slots, local time. */
    businessHours: { start: number; end: number };
  };
  /** What the bot does for each objection (see policy/objections.ts); unset ones use the defaults. */
  objections: Partial<Record<ObjectionType, ObjectionPolicy>>;
  /** Optional rewording of questions: key (e.g. "seller.motivation") → variants per language. */
  questions: Partial<Record<'en' | 'es', Record<string, string[]>>>;
}

export const defaultTagNames: TagNames = {
  sellerActivation: ['Needs Qualifying', 'Seller-Lead'],
  buyerActivation: ['Buyer-Lead'],
  leadActivation: ['lead-bot'],
  offSwitches: ['AI-Off', 'Stop-Bot', 'Qualified', 'Human-Takeover', 'Do-Not-Solicit'],
  temperature: '{temp}-{who}',
  sellerQualified: 'Seller-Qualified',
  buyerQualified: 'Buyer-Qualified',
  optOut: 'TCPA-Opt-Out',
  aiOff: 'AI-Off',
  complianceAlert: 'Compliance-Alert',
  ccpaDeletion: 'CCPA-Deletion-Request',
  appointmentBooked: 'Appointment-Booked',
  escalation: 'Escalation',
  humanTakeover: 'Human-Takeover',
  handoff: 'Handoff-{from}-to-{to}',
  doNotSolicit: 'Do-Not-Solicit',
};

export function defaultBotsConfig(
  persona: BotsConfig['persona'],
  knowledge: KnowledgeBase = defaultKnowledgeBase,
): BotsConfig {
  return {
    persona,
    knowledge,
    neighborhoods: [...defaultNeighborhoods],
    tags: defaultTagNames,
    thresholds: {
      leadHot: 80,
      leadWarm: 40,
      buyerHotDays: 90,
      handoffCooldownMinutes: 30,
      vagueRetries: 2,
      evasiveLimit: 5,
      smsMaxLength: 160,
      highValue: 3_000_000,
      businessHours: { start: 9, end: 18 },
    },
    questions: {},
    objections: {},
  };
}
