import { matchesOf } from './matches.ts';
import { remember } from '../remember.ts';
import { simplify } from './normalize.ts';
import { replaceNumberWords } from './numbers-in-words.ts';

export type MustHave =
  | 'pool'
  | 'no_hoa'
  | 'no_mello_roos'
  | 'garage'
  | 'single_story'
  | 'yard'
  | 'view'
  | 'updated_kitchen'
  | 'home_office'
  | 'adu'
  | 'rv_parking'
  | 'good_schools'
  | 'solar'
  | 'gated'
  | 'cul_de_sac'
  | 'horse_property';

/** Tags whose own wording is a negation ("no HOA"), so a preceding "no" must not cancel them. */
const SELF_NEGATED = new Set<MustHave>(['no_hoa', 'no_mello_roos']);

const RULES: [MustHave, RegExp][] = [
  ['pool', /\b(?:(?:swimming )?pool(?! table)|piscina|alberca|pileta)\b/g],
  [
    'no_hoa',
    /\b(?:(?:no|without|sin|hate|avoid|zero|dont want (?:an? )?|nothing with (?:an? )?|no more) ?(?:an? )?hoas?|hoa[- ]free|no (?:hoa|association|homeowners? association) (?:fees?|dues)|sin (?:cuota de )?(?:hoa|asociacion))\b/g,
  ],
  ['no_mello_roos', /\b(?:no|without|sin|avoid|hate) (?:\w+ )?mello[- ]?roos\b/g],
  ['garage', /\b(?:garage|garages|cochera|garaje)\b(?! sale)/g],
  [
    'single_story',
    /\b(?:(?:single|one|1)[- ]?(?:story|storey|level|floor)|no stairs|ranch[- ]style|rambler|(?:de )?(?:un|una|1) (?:solo |sola )?(?:piso|nivel|planta)|sin escaleras)\b/g,
  ],
  [
    'yard',
    /\b(?:back ?yard|front yard|yard(?! (?:sale|work))|(?:big|large|huge|bigger|larger|good sized|decent) lot|acre(?:age|s)?|jardin|yarda|patio)\b/g,
  ],
  [
    'view',
    /\b(?:(?:mountain|city|valley|canyon|sunset|lake|ocean|panoramic|great|nice|good|amazing|beautiful|gorgeous|unobstructed|with a|a) views?|(?<!haven )views|city lights|(?:con )?vista (?:a|al|a la|a las|de la|de las) (?:montanas?|ciudad|valle)|con vista)\b/g,
  ],
  [
    'updated_kitchen',
    /\b(?:(?:updated|remodeled|remodelled|renovated|new|newer|modern|upgraded|redone|chefs|gourmet) kitchen|kitchen (?:is |thats |that is )?(?:updated|remodeled|renovated|redone|upgraded)|cocina (?:remodelada|actualizada|nueva|moderna|renovada))\b/g,
  ],
  [
    'home_office',
    /\b(?:home office|(?<!(?:post|box|your|his|her|the|their|front|dentists|doctors|law) )office(?! (?:hours|building|park))|work(?:ing)? from home|wfh|remote work|work remotely|oficina|cuarto para (?:oficina|trabajar))\b/g,
  ],
  [
    'adu',
    /\b(?:j?adu|casita|granny flat|guest ?house|in[- ]law (?:suite|unit|quarters)|mother[- ]in[- ]law|second(?:ary)? unit|accessory dwelling|back house|unidad adicional)\b/g,
  ],
  [
    'rv_parking',
    /\b(?:(?:rv|boat|trailer|camper|motorhome) (?:parking|access|gate|space|storage|pad)|room for (?:an? |my |our )?(?:rv|boat|trailer)|rv|estacionamiento para (?:rv|casa rodante|bote|trailer))\b/g,
  ],
  [
    'good_schools',
    /\b(?:(?:good|great|top|best|excellent|highly rated|top rated|strong|nice) (?:schools?|school district)|(?:near|close to|walking distance (?:to|from)) (?:a |the )?(?:schools?|elementary)|school district|buenas escuelas|cerca de (?:las |una )?escuelas?|buen distrito escolar)\b/g,
  ],
  ['solar', /\b(?:solar(?: panels)?|paneles solares)\b/g],
  ['gated', /\b(?:gated(?: community)?|comunidad cerrada|privada con porton)\b/g],
  ['cul_de_sac', /\bcul[- ]de[- ]sac\b/g],
  ['horse_property', /\b(?:horse property|horses?|equestrian|caballos?)\b/g],
];

const NEGATION_BEFORE =
  /\b(?:no|not|dont|do not|doesnt|without|sin|never|avoid|hate|no need for|not interested in|rather not|prefer no)\s+(?:\w+\s+){0,3}$/;
const NEGATION_AFTER =
  /^\s*(?:is |are )?(?:not|isnt|arent) (?:needed|necessary|required|important|a must|a priority|a dealbreaker|a deal breaker)|^\s*(?:no es|no son) (?:necesari|importante)/;
const CLAUSE_EDGE = /[,.;!?]|\b(?:and|but|or|plus|also|y|pero|o|with)\b/g;

function clauseTail(text: string, index: number): string {
  const window = text.slice(Math.max(0, index - 40), index);
  let cut = 0;
  for (const m of matchesOf(CLAUSE_EDGE, window)) cut = m.index + m[0].length;
  return window.slice(cut);
}

/**
 * A buyer's must-haves as canonical tags: pool, no_hoa, no_mello_roos, garage, single_story, yard,
 * view, updated_kitchen, home_office, adu, rv_parking, good_schools, solar, gated, cul_de_sac,
 * horse_property. "No pool" or "don't need a pool" removes the tag; "single family home" is not
 * single story.
 */
export function extractMustHaves(text: string): MustHave[] {
  return mustHaves(text);
}

const mustHaves = remember(readMustHaves, 8, (tags) => [...tags]);

function readMustHaves(text: string): MustHave[] {
  const simple = replaceNumberWords(simplify(text));
  const found: MustHave[] = [];
  for (const [tag, re] of RULES) {
    for (const m of matchesOf(re, simple)) {
      const negated =
        !SELF_NEGATED.has(tag) &&
        (NEGATION_BEFORE.test(clauseTail(simple, m.index)) ||
          NEGATION_AFTER.test(simple.slice(m.index + m[0].length)));
      if (!negated) {
        found.push(tag);
        break;
      }
    }
  }
  return found;
}
