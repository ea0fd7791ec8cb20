import { sentences, wordRegex } from './text.ts';
import { remember } from '../remember.ts';

const DATA =
  '(?:data|information|info|personal information|personal info|personal data|details|records|record|file|profile|contact info|contact information|contact details)';

const PATTERNS: readonly RegExp[] = [
  wordRegex(`(?:delete|erase|remove|purge|wipe|destroy) (?:all )?(?:of )?(?:my|our) ${DATA}`),
  wordRegex(`(?:delete|erase|purge|wipe) (?:everything|all) (?:you have )?(?:on|about) me`),
  wordRegex(
    `what (?:personal )?(?:${DATA}|do you|else do you) (?:do you )?(?:have|know|keep|store|hold|collect) (?:on|about) (?:me|us)`,
  ),
  wordRegex(`(?:dont|do not|never) (?:sell|share) (?:my|our) (?:personal )?${DATA}`),
  wordRegex(
    'ccpa|cpra|gdpr|right to (?:know|delete|deletion|be forgotten|opt out of sale)|privacy request|data request|data deletion|deletion request|do not sell or share',
  ),
  wordRegex(
    `(?:borra|borren|borre|borrar|elimina|eliminen|elimine|eliminar|quiten|quitar) (?:todos )?(?:mis|nuestros) (?:datos|informacion|datos personales)`,
  ),
  wordRegex(
    `(?:borra|borren|borre|borrar|elimina|eliminen|elimine|eliminar) (?:mi|toda mi) (?:informacion|info|expediente|perfil)`,
  ),
  wordRegex('que (?:datos|informacion) (?:tienen|tienes|tiene|guardan) (?:de|sobre) mi'),
  wordRegex('no (?:vendan|venda|vendas|compartan|comparta) (?:mis datos|mi informacion)'),
];

/** CCPA/CPRA consumer requests: deletion, access ("what do you have on me") or do-not-sell. */
function findCcpaRequest(text: string): boolean {
  return sentences(text).some((sentence) => PATTERNS.some((pattern) => pattern.test(sentence)));
}
/** Asked of the same message by several readers of a turn: read once (../remember.ts). */
export const detectCcpaRequest = remember(findCcpaRequest);
