import { sentences, wordRegex } from './text.ts';
import { remember } from '../remember.ts';

const PROVIDER =
  '(?:my |our |the |a |your )?(?:lender|lenders|loan officer|mortgage broker|mortgage company|mortgage guy|bank|title company|title|escrow company|escrow|inspector|home warranty company|insurance agent|contractor|stager|moving company|prestamista|banco|compania de titulo|titulo|escrow|inspector)';
const GIFT =
  '(?:a )?(?:referral fee|referral bonus|finders fee|bonus|kickback|cut|spiff|gift card|gift|incentive|something extra|something on the side|thank you gift)';
const ANY_VALUE = `(?:${GIFT}|\\d+(?:\\.\\d+)?%|\\d+(?:\\.\\d+)? percent|\\d+ dollars|\\d+k|\\$?\\d+|cash|money|a percentage)`;

/** Offers of a fee, split or gift for steering business (RESPA §8). */
const OFFER_PATTERNS: readonly RegExp[] = [
  wordRegex(
    'referral fee|referral fees|referral bonus|finders fee|kickback|kickbacks|kick you back|kick something back|kick back to you',
  ),
  wordRegex(
    'under the table|off the books|cash on the side|something on the side|a little something for you|make it worth your while',
  ),
  wordRegex(`split (?:the |your |my |a )?(?:commission|fee|fees|bonus|comp) with ${PROVIDER}`),
  wordRegex(
    `${PROVIDER} (?:will |would |can |could |usually |always )?(?:give|gives|pay|pays|send|sends|offer|offers|kick|kicks|throw|throws|tip|tips) (?:you|agents|realtors) ${GIFT}`,
  ),
  wordRegex(
    `(?:give|pay|send|offer|throw) you ${ANY_VALUE} (?:for|if you|when you|every time you) (?:sending|send|referring|refer|using|use|steering|recommending|pointing|bring|bringing)`,
  ),
  wordRegex(
    `(?:give|pay|send|offer|throw) you ${ANY_VALUE} (?:for|per) (?:every|each|any|a) (?:buyer|buyers|client|clients|customer|lead|referral|deal|loan|closing)`,
  ),
  wordRegex(
    '(?:comision|pago|bono) por (?:referido|referidos|referencia|recomendacion)|por debajo de la mesa|bajo la mesa|mordida|soborno',
  ),
  wordRegex(
    '(?:te|le) (?:doy|daria|pago|pagaria|damos|pagamos) (?:una |un )?(?:comision|bono|porcentaje|\\d+%|algo) (?:si|por)',
  ),
];

/** RESPA §8: offers to pay the agent for referrals or to split fees with a settlement provider. */
function findRespaOffer(text: string): boolean {
  return sentences(text).some((sentence) => OFFER_PATTERNS.some((pattern) => pattern.test(sentence)));
}
/** Asked of the same message by several readers of a turn: read once (../remember.ts). */
export const detectRespaOffer = remember(findRespaOffer);

const SERVICE =
  '(?:lender|lenders|loan officer|loan officers|mortgage broker|mortgage brokers|mortgage company|mortgage companies|mortgage lender|mortgage guy|title company|title companies|escrow company|escrow companies|escrow officer|home inspector|inspector|prestamista|prestamistas|banco|bancos|agente hipotecario|compania de titulo|compania hipotecaria)';

const ADVICE =
  '(?:should|would you|do you (?:recommend|suggest|use|like|work with|trust|prefer)|you (?:recommend|suggest|use|like|trust|work with)|is (?:good|best|the best)|are good|to use|to go with)';
const GOOD = '(?:good |great |reliable |solid |decent |trusted |preferred |local |best )?';

const STEERING_PATTERNS: readonly RegExp[] = [
  wordRegex(
    `(?:which|what|who|whos|whats) (?:is |are )?(?:a |the |your )?${GOOD}${SERVICE}(?: [a-z0-9]+){0,3} ${ADVICE}`,
  ),
  wordRegex(
    `(?:do you|you|can you|could you|would you|will you) (?:recommend|suggest|know|have|got|use|work with) (?:me )?(?:of )?(?:a |an |any |some |your )?${GOOD}${SERVICE}`,
  ),
  wordRegex(`(?:recommend|suggest|refer) me (?:to )?(?:a |an |any |some |your )?${GOOD}${SERVICE}`),
  wordRegex(
    `(?:any|need a|need some|looking for a|looking for) ${GOOD}${SERVICE} (?:recommendation|recommendations|referral|referrals|suggestion|suggestions)`,
  ),
  wordRegex(`${SERVICE} (?:recommendation|recommendations|suggestion|suggestions)`),
  wordRegex(
    `(?:best|cheapest|preferred|favorite|go to) ${SERVICE} (?:around|in town|nearby|here|to use|for me)`,
  ),
  wordRegex(
    `who (?:should|do|would) (?:i|we|you) (?:use|go with|call|recommend) (?:for|as) (?:a |the |my )?(?:mortgage|loan|financing|title|escrow|${SERVICE})`,
  ),
  wordRegex(
    `(?:que|cual) ${SERVICE} (?:me )?(?:recomiendas|recomienda|recomiendan|uso|usar|es mejor|debo usar)`,
  ),
  wordRegex(
    `(?:conoces|conoce|recomiendas|recomienda|me recomiendas|me recomienda|sabes de) (?:a )?(?:un |una |algun |alguna )?(?:buen |buena )?${SERVICE}`,
  ),
];

/** "Which lender should I use?": the bot may offer to connect, never names a provider (RESPA). */
function findLenderSteeringRequest(text: string): boolean {
  return sentences(text).some((sentence) => STEERING_PATTERNS.some((pattern) => pattern.test(sentence)));
}
/** Asked of the same message by several readers of a turn: read once (../remember.ts). */
export const detectLenderSteeringRequest = remember(findLenderSteeringRequest);
