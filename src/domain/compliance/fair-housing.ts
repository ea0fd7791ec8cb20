import {
  AMOUNT_CUES,
  AVOID_CUES,
  CUE_FILLERS,
  PICK_CUES,
  PLACE_WITH_CUES,
  SELL_TO_CUES,
} from './fair-housing-cues.ts';
import { DIRECT_PHRASES, type ProtectedClass, terms } from './fair-housing-words.ts';
import { CLASSES, findMentions, type Mention } from './group-mentions.ts';
import { sentenceParts, words } from './text.ts';
import { remember } from '../remember.ts';

export type { ProtectedClass } from './fair-housing-words.ts';

const re = (source: string) => new RegExp(`(?:^| )(?:${source})$`);
// Each cue is tested against the words before a mention, so it must end right there.
const AVOID_CUE = re(AVOID_CUES);
const AMOUNT_CUE = re(AMOUNT_CUES);
const PICK_CUE = re(PICK_CUES);
const SELL_TO_CUE = re(SELL_TO_CUES);
const PLACE_WITH_CUE = re(PLACE_WITH_CUES);
const FILLERS = new Set(terms(CUE_FILLERS));

function cuesFor(mention: Mention): RegExp[] {
  if (mention.kind === 'weak') return [AVOID_CUE, SELL_TO_CUE];
  const lifeStage: ProtectedClass[] = ['familial_status', 'disability', 'age'];
  if (lifeStage.includes(mention.protectedClass)) return [AVOID_CUE, AMOUNT_CUE, SELL_TO_CUE, PLACE_WITH_CUE];
  return [AVOID_CUE, AMOUNT_CUE, PICK_CUE, SELL_TO_CUE, PLACE_WITH_CUE];
}

function hasCueBefore(tokens: string[], mention: Mention): boolean {
  const cues = cuesFor(mention);
  for (let end = mention.start; end > 0 && mention.start - end <= 4; end -= 1) {
    const prefix = tokens.slice(0, end).join(' ');
    if (cues.some((cue) => cue.test(prefix))) return true;
    if (!FILLERS.has(tokens[end - 1] ?? '')) return false;
  }
  return false;
}

// "we have no kids", "somos una pareja sin hijos": describing oneself, not choosing neighbors.
const SELF_DESCRIPTION =
  /(?:^| )(?:(?:i|we)(?: [a-z0-9]+){0,2} (?:have|has|got|had|are|am)|im|were|ive|weve|its just|it is just|tengo|tenemos|somos|soy)(?: [a-z0-9]+){0,4}$/;
const POSSESSIVE = new Set(
  terms('my|our|his|her|their|your|mi|mis|nuestro|nuestra|nuestros|nuestras|su|sus|tus'),
);
const PREFERENCE_OR_QUESTION =
  /(?:^| )(?:is it|is this|is that|is the|are there|are the|looking for|look for|want|prefer|show me|find me|where|which|recommend|any|busco|quiero|prefiero|es un|es una|es el|es la|hay|muestrame|donde|cual|cuales|recomiendas)(?: |$)/;

function isRequest(tokens: string[], mention: Mention, asked: boolean): boolean {
  const prefix = tokens.slice(0, mention.start).join(' ');
  if (POSSESSIVE.has(tokens[mention.start - 1] ?? '')) return false;
  const lifeStage = ['familial_status', 'disability', 'age'].includes(mention.protectedClass);
  if (lifeStage && SELF_DESCRIPTION.test(prefix)) return false;
  if (hasCueBefore(tokens, mention)) return true;
  // "Is it a white neighborhood?" has no cue word, but asks to describe an area by a group.
  if (mention.withPlace) return asked || PREFERENCE_OR_QUESTION.test(tokens.join(' '));
  return false;
}

const DIRECT: ReadonlyArray<{ protectedClass: ProtectedClass; pattern: RegExp }> = CLASSES.filter(
  (protectedClass) => DIRECT_PHRASES[protectedClass].length > 0,
).map((protectedClass) => ({
  protectedClass,
  pattern: new RegExp(`(?<![a-z0-9])(?:${DIRECT_PHRASES[protectedClass]})(?![a-z0-9])`),
}));

/**
 * "¿hay programas para gente como nosotros? mi compadre dijo que FHA", "any loans for people like
 * us with bad credit", "can people like us even buy": the lead's own means, not who the neighbours
 * are. ("Neighborhoods for people like us" is still a request.)
 */
const OWN_MEANS = new RegExp(
  '(?<![a-z0-9])(?:(?:programs?|programas?|loans?|prestamos?|help|ayuda|options?|opciones|assistance|asistencia|financing|financiamiento|lenders?|prestamistas?|creditos?|grants?|apoyos?)(?: [a-z]+){0,2} (?:for|para) (?:people|gente|personas) (?:like|como) (?:us|me|nosotros|yo)|(?:can|could) (?:people|folks) like (?:us|me) (?:even |still |actually )?(?:buy|qualify|afford|get)|(?:puede|pueden|podemos) (?:gente|personas) como (?:nosotros|yo) (?:comprar|calificar))(?![a-z0-9])',
);

/**
 * Requests to choose or avoid buyers, tenants, neighbours or areas by a protected class (Fair
 * Housing Act; California FEHA adds source of income, hence "section 8" under 'other'). A
 * lead's own needs ("we have two kids", "wheelchair accessible for my mom") are not requests.
 */
function findFairHousingRequest(text: string): { protectedClass: ProtectedClass } | null {
  for (const { flat, question } of sentenceParts(text)) {
    const direct = DIRECT.find(({ pattern }) => pattern.test(flat));
    if (direct && !(direct.protectedClass === 'other' && OWN_MEANS.test(flat)))
      return { protectedClass: direct.protectedClass };
    const tokens = words(flat);
    const hit = findMentions(tokens).find((mention) => isRequest(tokens, mention, question));
    if (hit) return { protectedClass: hit.protectedClass };
  }
  return null;
}
/** Asked of the same message by several readers of a turn: read once (../remember.ts). */
export const detectFairHousingRequest = remember(findFairHousingRequest, 16, (answer) =>
  answer === null ? null : { ...answer },
);
