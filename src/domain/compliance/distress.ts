import { sentences, wordRegex } from './text.ts';
import { remember } from '../remember.ts';

export type DistressKind = 'foreclosure' | 'bankruptcy' | 'attorney' | 'lawsuit' | 'probate' | 'short_sale';

// Most specific first: "my attorney says file bankruptcy" is a bankruptcy case.
const RULES: ReadonlyArray<{ kind: DistressKind; pattern: RegExp }> = [
  {
    kind: 'foreclosure',
    pattern: wordRegex(
      'foreclosure|foreclosing|foreclose|foreclosed on|pre foreclosure|preforeclosure|notice of default|notice of trustee sale|trustee sale|auction date|ejecucion hipotecaria|embargo hipotecario|embargo de la casa|me van a embargar|nos van a embargar|remate|aviso de incumplimiento',
    ),
  },
  {
    kind: 'bankruptcy',
    pattern: wordRegex(
      'bankruptcy|bankrupt|chapter 7|chapter 13|chapter seven|chapter thirteen|bancarrota|quiebra|capitulo 7|capitulo 13',
    ),
  },
  { kind: 'short_sale', pattern: wordRegex('short sale|short sell|shortsale|venta corta|venta en corto') },
  {
    kind: 'lawsuit',
    pattern: wordRegex(
      'lawsuit|lawsuits|litigation|being sued|getting sued|got sued|sued|suing|sue (?:you|them|him|her|the seller|the buyer|the builder|my landlord|the hoa|the agent|my agent)|going to sue|gonna sue|will sue|ill sue|small claims|court case|take (?:you|them|this) to court|demanda judicial|(?:una|mi|poner|presentar|interponer|tengo una|recibi una|nos pusieron una|me pusieron una) demanda|demandar|demandarte|demandarlos|demandarlo|me demandaron|nos demandaron|demandando|(?:un|en|tengo un|estamos en|hay un) juicio(?! sucesorio)',
    ),
  },
  {
    kind: 'probate',
    pattern: wordRegex(
      'probate|executor|executrix|administrator of the estate|estate administrator|letters testamentary|juicio sucesorio|sucesion testamentaria|testamentaria|albacea|sucesion',
    ),
  },
  {
    kind: 'attorney',
    pattern: wordRegex(
      'attorney|attorneys|lawyer|lawyers|legal counsel|abogado|abogada|abogados|licenciado en derecho',
    ),
  },
];

const SHOPPING_FOR_DEALS = wordRegex(
  '(?:buy|buying|looking for|interested in|any|find|search|searching|list of|show me)(?: [a-z0-9]+){0,3} (?:foreclosures|short sales|reos|bank owned)|(?:busco|buscando|comprar|compro|hay|tienes|tienen)(?: [a-z]+){0,2} (?:en remate|de remate|embargadas|reposeidas)',
);

// "lawyer says march", "my lawyer says we need at least 600 to split it": a divorce lawyer's
// advice on timing or price is an answer, not a legal matter for the agent.
// So are "el abogado quiere que esté vendida para marzo" and an eviction lawyer's "el abogado dice
// que como en febrero".
// "My attorney says to wait" is a legal instruction and still goes to a person.
const LAWYER_ADVISES = wordRegex(
  '(?:(?:my|our|the|his|her) )?(?:lawyer|attorney|abogad[oa]) (?:says|said|thinks|dice|dijo)(?: (?:we need|we should get|maybe|probably|like|around|about|by|in|que|como|para|en))*(?: at least)? (?:\\d+|january|february|march|april|june|july|august|september|october|november|december|spring|summer|fall|winter|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|primavera|verano|otono|invierno)|(?:lawyer|attorney|abogad[oa]|judge|juez) (?:wants|needs|quiere|necesita|pide) (?:it |the house |que (?:la casa )?(?:este |quede |se )?)?(?:sold|listed|vendida|vendido|venda|listada)',
);

// "probate is done", "ya salió el probate", "we're out of probate": the court part is over and the
// heirs are free to sell, so nothing is left for a person to handle first ("inherited it through
// probate" may still wait for the court).
const PROBATE_DONE = wordRegex(
  'probate (?:is |was |has |got |finally )*(?:done|closed|finished|over|cleared|complete|completed|settled|wrapped up|through)|(?:out of|done with|finished|finished with|passed) probate|(?:ya )?(?:salio|termino|se termino|se cerro|acabo|se acabo|quedo) (?:el |la )?(?:probate|sucesion)|(?:el |la )?(?:probate|sucesion) ya (?:salio|termino|se termino|se cerro|acabo|quedo)',
);

/** Legal or financial distress that a person should handle; buyers hunting for deals are not distressed. */
function findDistress(text: string): DistressKind | null {
  for (const sentence of sentences(text)) {
    if (SHOPPING_FOR_DEALS.test(sentence)) continue;
    const hit = RULES.find(({ pattern }) => pattern.test(sentence));
    if (hit?.kind === 'attorney' && LAWYER_ADVISES.test(sentence)) continue;
    if (hit?.kind === 'probate' && PROBATE_DONE.test(sentence)) continue;
    if (hit) return hit.kind;
  }
  return null;
}
/** Asked of the same message by several readers of a turn: read once (../remember.ts). */
export const detectDistress = remember(findDistress);
