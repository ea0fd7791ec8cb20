/**
 * What one lead message says, as dialogue acts plus slots. The vocabulary is the one the labelled
 * corpus in eval/corpus uses (see its README for every label and normalization rule), so the
 * reader can be measured against it act by act and slot by slot.
 */

export type BotKind = 'lead' | 'seller' | 'buyer';

/** The question the bot asked just before the message; answers are read against it. */
export type AskedQuestion =
  | 'motivation'
  | 'timeline'
  | 'condition'
  | 'price'
  | 'budget'
  | 'preapproval'
  | 'needs'
  | 'area'
  | 'buy_or_sell'
  | 'appointment';

/** Every topic a lead's question can have, in the corpus vocabulary. */
export const QUESTION_TOPICS = [
  'identity',
  'how_got_number',
  'scam',
  'licensed',
  'fees_commission',
  'closing_costs',
  'process',
  'preapproval_needed',
  'switch_to_email',
  'reschedule',
  'cancel',
  'home_value',
  'listing_status',
  'area_info',
  'market',
  'other',
] as const;
export type QuestionTopic = (typeof QUESTION_TOPICS)[number];

/** Every kind of "no" a lead can give, in the corpus vocabulary. */
export const OBJECTION_TYPES = [
  'has_agent',
  'listed_with_other',
  'already_bought',
  'already_sold',
  'not_interested',
  'not_selling_anymore',
  'wrong_number',
  'stop_texting',
  'hostile',
  'just_looking',
  'too_early',
] as const;
export type ObjectionType = (typeof OBJECTION_TYPES)[number];

export type SchedulingKind = 'time_preference' | 'reschedule' | 'cancel' | 'confirm';
export type FeelingKind = 'anger' | 'grief' | 'stress' | 'urgency' | 'excitement';
export type Keyword = 'STOP' | 'HELP' | 'START';

export type Act =
  | { act: 'answer' }
  | { act: 'question'; topic: QuestionTopic }
  | { act: 'objection'; type: ObjectionType }
  | { act: 'scheduling'; kind: SchedulingKind }
  | { act: 'feeling'; kind: FeelingKind }
  | { act: 'keyword'; kind: Keyword }
  | { act: 'identity_question'; sincere: boolean }
  | { act: 'greeting' }
  | { act: 'affirm' }
  | { act: 'deny' }
  | { act: 'other' };

export type ConditionSlot = 'excellent' | 'good' | 'fair' | 'needs_work' | 'poor';

export type MotivationSlot =
  | 'relocation'
  | 'job'
  | 'upsizing'
  | 'downsizing'
  | 'divorce'
  | 'death_in_family'
  | 'financial'
  | 'retirement'
  | 'investment'
  | 'bought_another'
  | 'moving_in_with_partner'
  | 'marriage'
  | 'taxes'
  | 'tenants'
  | 'inherited'
  | 'other';

/** Slot values as the corpus normalizes them: integer dollars, whole months from `now`. */
export interface Slots {
  intent?: 'buy' | 'sell' | 'both';
  price?: number;
  price_min?: number;
  price_max?: number;
  budget_min?: number;
  budget_max?: number;
  timeline_months?: number;
  condition?: ConditionSlot;
  motivation?: MotivationSlot;
  preapproved?: boolean;
  lender?: string;
  bedrooms?: number;
  bathrooms?: number;
  area?: string;
  address?: string;
  email?: string;
  phone?: string;
  yes_no?: 'yes' | 'no';
  language_switch?: 'en' | 'es';
}

export interface UtteranceContext {
  bot: BotKind;
  lastQuestion: AskedQuestion | null;
  /** The moment the message arrived; relative dates are computed from it. */
  now: Date;
  /** Extra place names the realtor configured (canonical city names are built in). */
  neighborhoods?: readonly string[];
}

export interface Understanding {
  acts: Act[];
  slots: Slots;
}
