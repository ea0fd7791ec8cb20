import { sentences, wordRegex } from './text.ts';
import { remember } from '../remember.ts';

const PERCENT = '\\d+(?:\\.\\d+)?(?: ?%| percent| por ciento)';

const CO_BROKE: readonly RegExp[] = [
  wordRegex(
    'co broke|cobroke|co broker|cobroker|co brokerage|cobrokerage|cooperating broker|cooperating agent|co op (?:commission|fee|comp|compensation|split)|coop (?:commission|fee|comp|compensation|split)|whats the co op|what is the co op|whats the coop',
  ),
  wordRegex(
    'buyer (?:agent|agents|broker|brokers|side) (?:compensation|comp|commission|fee|split)|buyers (?:agent|agents|broker) (?:compensation|comp|commission|fee)|bac',
  ),
  wordRegex(
    '(?:do|will|would|are) you (?:pay|offer|paying|offering|give|giving|cover) (?:the )?(?:buyer|buyers|buyer agent|buyers agent|buyer side|buyer broker|selling agent|co op|coop)',
  ),
  wordRegex(
    '(?:im|i am|i m) (?:an agent|a realtor|a broker|an agent with|a buyers agent|the buyers agent)(?: [a-z0-9]+){0,6} (?:buyer|buyers|client|clients|commission|co op|split|compensation|comp)',
  ),
  wordRegex(
    '(?:i|we) (?:have|represent|got) (?:a|an) (?:buyer|qualified buyer|client|interested buyer)(?: [a-z0-9]+){0,8} (?:commission|co op|coop|split|compensation|comp|pay)',
  ),
  wordRegex(
    'comision compartida|compensacion (?:al|para el) agente del comprador|comision (?:al|para el|del) agente (?:del )?comprador|soy agente(?: [a-z]+){0,4} comprador|cooperacion entre agentes',
  ),
];

const COMMISSION: readonly RegExp[] = [
  wordRegex(
    '(?:your|ur) (?:commission|commission rate|fee|fees|rate for listing|listing fee|listing commission|cut)|the (?:commission|commission rate|listing commission|listing fee)',
  ),
  wordRegex(
    '(?:what|how much) (?:do|would|will|did) you (?:charge|take(?! off))|how much (?:is|are) (?:your|the) (?:commission|fee|fees|agent fees)|what are (?:the )?agent fees',
  ),
  wordRegex(
    'commission (?:rate|negotiable|percent|percentage)|is (?:the |your )?commission|what commission|how much commission|realtor fees|agent fees|listing fee',
  ),
  wordRegex(
    `(?:are|r) you ${PERCENT}(?! (?:sure|certain|positive|serious|confident|committed))|(?:charge|take|do|work for|list for|list at|accept|go down to|go to|come down to|do it for) ${PERCENT}(?! (?:down|interest|apr|rate|fixed|of the (?:price|purchase) as down))`,
  ),
  wordRegex(`${PERCENT} (?:commission|listing fee|fee)`),
  wordRegex(
    '(?:cuanto|que) (?:cobras|cobra|cobran)|(?:tu|su|la) comision|cual es (?:tu|su) (?:comision|tarifa|honorario|honorarios)|cuanto es (?:la|tu|su) comision|(?:tu|su|sus) honorarios',
  ),
];

/**
 * Commission and co-broke questions. Rates are never quoted by text (antitrust and the 2024
 * NAR settlement make compensation a conversation for the agent), so these escalate.
 */
function findCommissionQuestion(text: string): 'commission' | 'co_broke' | null {
  const parts = sentences(text);
  if (parts.some((sentence) => CO_BROKE.some((pattern) => pattern.test(sentence)))) return 'co_broke';
  if (parts.some((sentence) => COMMISSION.some((pattern) => pattern.test(sentence)))) return 'commission';
  return null;
}
/** Asked of the same message by several readers of a turn: read once (../remember.ts). */
export const detectCommissionQuestion = remember(findCommissionQuestion);
