import { simplify } from './normalize.ts';

export type Condition = 'move_in_ready' | 'needs_minor_work' | 'needs_major_work';

// "Doesn't need anything" must win over the "needs" rules below.
const READY_BY_NEGATION =
  /\b(?:(?:doesnt|does not|dont|wont|will not) need (?:any(?:thing)?|much|a thing|any work|any repairs|work|repairs)|no (?:work|repairs|updates|fixing) (?:needed|necessary|required)|nothing (?:needs|to fix|to do|wrong)|no necesita (?:nada|reparaciones|arreglos|trabajo)|no hay que (?:arreglar|reparar) nada)\b/;
const NOT_READY = /\b(?:not (?:quite |exactly |really )?(?:move[- ]?in ready|turn ?key)|no esta lista)\b/;
const MAJOR =
  /\b(?:fixer(?:[- ]?upper)?|needs? (?:a lot of|lots of|tons of|major|significant|serious|extensive|a ton of|so much|a full|complete|total|everything|gutted|a new roof|new roof|a roof|roof|foundation|new plumbing|plumbing|new electrical|electrical|rewiring)\b|needs (?:work|repairs|fixing|tlc)(?! (?:done|here and there))|major (?:repairs?|work|issues?|damage|problems?)|foundation (?:issues?|problems?|cracks?|damage|work)|cracked foundation|(?:roof|plumbing|electrical|sewer) (?:leaks?|issues?|problems?|damage)|leaky roof|leaking roof|roof leaks|(?:water|fire|smoke|flood|termite|storm) damage|termites?|black mold|mold|asbestos|tear ?down|gut (?:job|it)|gutted|run ?down|falling apart|bad shape|rough shape|poor (?:shape|condition)|bad condition|hoarder|uninhabitable|condemned|as[- ]is|needs to be (?:gutted|redone|remodeled)|mucho trabajo|muchas reparaciones|necesita reparaciones|necesita (?:un )?techo|reparaciones mayores|problemas de (?:cimientos|cimentacion|plomeria|techo)|mal estado|para remodelar|tal como esta|moho|termitas|(?:techo|tejado) (?:gotea|con goteras)|goteras|danos? (?:de|por) agua)\b/;
const MINOR =
  /\b(?:(?:needs?|could use|would need) (?:a little|a bit of|some|minor|small|a few|light|cosmetic|a couple)(?: \w+)?|needs? (?:paint|painting|new paint|carpet|new carpet|flooring|new floors|updating|updates|touch ?ups|landscaping|tlc here and there)|cosmetic|touch ?ups?|minor (?:repairs?|work|fixes|issues|updates)|(?:a )?few (?:repairs|fixes|things)|small (?:repairs|fixes|things)|little (?:work|tlc|things)|some tlc|a little tlc|(?:bit |little )?dated|outdated|original (?:kitchen|bathrooms?|condition)|needs? (?:a )?(?:kitchen|bathroom|bath) (?:update|remodel)|(?:some|a few|minor|small) (?:updates|upgrades|repairs|fixes|work) (?:needed|necessary|required|to do)|needs? (?:some )?updat\w*|pequenas reparaciones|algunas reparaciones|algunos detalles|detalles|necesita (?:pintura|pintar|alfombra|piso|algo de trabajo|un poco de trabajo)|un poco de trabajo|algo anticuada|anticuada)\b/;
const READY =
  /\b(?:move[- ]?in[- ]?ready|ready to move in|turn ?key|(?:just|recently|newly|fully|completely|totally|all) (?:remodeled|renovated|updated|redone|upgraded|rehabbed)|remodeled|renovated|fully updated|great (?:shape|condition)|good (?:shape|condition)|excellent (?:shape|condition)|perfect (?:shape|condition)|pristine|mint condition|like new|brand new|well (?:maintained|kept|cared for)|immaculate|lista para (?:vivir|mudarse|habitar|entrar)|(?:en )?(?:buen|excelente|perfecto) estado|(?:en )?buenas condiciones|remodelada|renovada|como nueva|recien remodelada)\b/;

/**
 * The property's condition as the seller describes it: "move-in ready", "turnkey", "just
 * remodeled" → move_in_ready; "needs some paint", "a little dated" → needs_minor_work; "needs
 * work", "fixer", "as-is", "foundation issues" → needs_major_work. The most severe statement wins.
 */
export function extractCondition(text: string): Condition | null {
  const simple = simplify(text);
  if (READY_BY_NEGATION.test(simple)) return 'move_in_ready';
  if (MAJOR.test(simple)) return 'needs_major_work';
  if (MINOR.test(simple) || NOT_READY.test(simple)) return 'needs_minor_work';
  if (READY.test(simple)) return 'move_in_ready';
  return null;
}
