import { matchesOf } from './matches.ts';
import { remember } from '../remember.ts';
import { readMotivationSlot } from '../understand/other-slots-motivation.ts';
import type { MotivationSlot } from '../understand/types.ts';
import { fold, simplify } from './normalize.ts';

export type MotivationKind =
  | 'relocation'
  | 'downsizing'
  | 'divorce'
  | 'inherited'
  | 'financial_distress'
  | 'upgrading'
  | 'other';

/** Why the seller is selling, and where they are going when they said so. */
export interface Motivation {
  kind: MotivationKind;
  destination?: string;
}

// The sixteen reasons folded into the kinds the bots keep.
const FOLDED: Record<MotivationSlot, MotivationKind> = {
  relocation: 'relocation',
  job: 'relocation',
  upsizing: 'upgrading',
  downsizing: 'downsizing',
  divorce: 'divorce',
  death_in_family: 'inherited',
  inherited: 'inherited',
  financial: 'financial_distress',
  retirement: 'other',
  investment: 'other',
  bought_another: 'other',
  moving_in_with_partner: 'other',
  marriage: 'other',
  taxes: 'other',
  tenants: 'other',
  other: 'other',
};

const DIVORCE =
  /\b(?:divorc\w*|separat(?:ed|ing|ion)|splitting up|split up|ex[- ](?:wife|husband|spouse)|separad[oa]s?|separacion)\b/;
const INHERITED =
  /\b(?:inherit\w*|inheritance|estate sale|probate|(?:passed|died) and left|left (?:us|me|it to (?:me|us))(?: the house)?|(?:mom|mother|dad|father|parents?|grandm\w*|grandp\w*|grandparents|aunt|uncle) (?:passed|died)|herencia|heredamos|herede|heredo|sucesion|testamentaria|(?:fallecio|murio) (?:mi|nuestra|nuestro))\b/;
const DISTRESS =
  /\b(?:behind (?:on|in) (?:\w+ )?(?:payments?|mortgage|the mortgage|taxes)|(?:cant|cannot|can not|unable to|couldnt) (?:afford|keep up|make (?:the )?payments|pay (?:the )?mortgage)|(?:pre-?)?foreclos\w*|notice of default|bankrupt\w*|lost (?:my|his|her|our) jobs?|laid off|medical bills|(?:in|drowning in) debt|owe more than|underwater|upside down|short sale|tax lien|back taxes|atrasad[oa]s? (?:en|con) (?:los |la )?(?:pagos|hipoteca)|no (?:podemos|puedo) pagar|ejecucion hipotecaria|embargo|perdi (?:mi|el) trabajo|deudas?)\b/;
const RELOCATION =
  /\b(?:moving (?:to|out of|out to|back to|closer)|move out to|(?:be|live|living) (?:closer to|near) (?:my |our )?(?:family|kids|parents|grandkids|daughter|son)|relocat\w*|transfer(?:red|ring)?|new job|job (?:offer|transfer|in)|for work|work (?:is )?(?:moving|sending)|military|pcs(?:ing)?|(?:move|moving) (?:out of|across) (?:state|the state|california|the country)|(?:leaving|leave) (?:california|the state|ca)|out of state|retir\w* to|nos (?:mudamos|vamos|cambiamos|regresamos) (?:a|para|de estado|fuera)|(?:mudar(?:me|nos)?|me mudo|irnos|regresarnos) (?:a|para|de estado|fuera)|cambio de trabajo|traslado|reubica\w*)\b/;
const DOWNSIZING =
  /\b(?:downsiz\w*|too (?:much|big of a) house|(?:house|home|place) is too big|too big for|(?:house|home|place)(?: is| s)? (?:way )?too (?:big|large)|too much (?:space|house|upkeep|yard)|empty nest\w*|kids (?:moved|are|r|have|all|have all|are all) (?:out|grown|gone|moved out)|kids (?:left|moved away)|smaller (?:place|home|house|condo)|dont need (?:all )?(?:this|that) (?:space|room)|(?:casa )?(?:muy|demasiado) grande|mas pequena|reducir|los hijos (?:ya )?se (?:fueron|casaron))\b/;
const UPGRADING =
  /\b(?:need (?:more|a bigger) (?:space|room|house|home|place)|more (?:space|room)|bigger (?:house|home|place|yard)|growing family|baby on the way|(?:were|we are|wife is) expecting|outgr(?:own|ew)|upgrad\w*|mas espacio|(?:casa )?mas grande|familia (?:esta )?creciendo|bebe en camino)\b/;
const OTHER =
  /\b(?:because|since|reason|tired of|landlord|tenants?|rental|investment|cash out|equity|retir\w*|health|neighbors|commute|passed away|died|porque|cansad[oa]s? de|fallecio|murio|inquilinos|inversion|jubil\w*|salud)\b/;

const DESTINATION =
  /\b(?:moving (?:back |out )?to|relocating to|relocate to|move (?:back |out )?to|headed to|heading to|retiring to|transferred to|job in|(?:closer to|near|be with) (?:my |our |the )?(?:family|kids|parents|grandkids|daughter|son|mom|dad) (?:in|out in)|(?:mudamos|mudarnos|mudo|vamos|cambiamos|irnos|regresamos) (?:a|para))\s+/g;
const NOT_A_PLACE = new Set(
  'a an my our his her their something somewhere be get buy sell rent do find another un una algo otra otro smaller bigger new different cheaper larger'.split(
    ' ',
  ),
);
const STOP = new Set(
  'for because since to in next soon and with so by this that when after before asap or but where once this, as por para porque y en con pronto cuando despues antes el la lo que mas the'.split(
    ' ',
  ),
);

function titleCase(word: string): string {
  return word.length <= 2 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1);
}

/** The place after "moving to …", in the lead's spelling ("Texas", "Boise Idaho", "the Bay Area"). */
function destination(text: string): string | undefined {
  const folded = fold(text);
  for (const m of matchesOf(DESTINATION, folded)) {
    const start = m.index + m[0].length;
    const words =
      text
        .slice(start)
        .match(/^[\p{L}.'-]+(?:\s+[\p{L}.'-]+){0,3}/u)?.[0]
        .split(/\s+/) ?? [];
    const kept: string[] = [];
    for (const [i, word] of words.entries()) {
      const low = fold(word).replace(/(?<![.,])[.,]+$/, '');
      if (i === 0 && low === 'the') continue;
      if (i === 0 && NOT_A_PLACE.has(low)) break;
      if (STOP.has(low) || (kept.length > 0 && low === 'the')) break;
      kept.push(word.replace(/(?<![.,])[.,]+$/, ''));
      if (/[.,]$/.test(word)) break;
    }
    if (kept.length > 0) {
      const place = kept.join(' ');
      return place === place.toLowerCase() ? kept.map(titleCase).join(' ') : place;
    }
  }
  return undefined;
}

/**
 * The seller's motivation: relocation (with destination: "moving to Texas for work"), downsizing
 * ("kids moved out, too much house"), divorce, inherited ("my mom passed and left us the house"),
 * financial_distress ("behind on payments"), upgrading ("growing family"), or other when a reason
 * is given that fits none of those. Null when no reason is given. English and Spanish.
 */
export function extractMotivation(text: string): Motivation | null {
  return motivation(text);
}

const motivation = remember(readMotivation, 8, (m) => (m ? { ...m } : null));

function readMotivation(text: string): Motivation | null {
  const simple = simplify(text);
  const relocating = RELOCATION.test(simple);
  const place = relocating ? destination(text) : undefined;
  // "Moving to a smaller place" is downsizing; "moving to Texas" is relocation.
  const rules: [RegExp | boolean, MotivationKind][] = [
    [DIVORCE, 'divorce'],
    [INHERITED, 'inherited'],
    [DISTRESS, 'financial_distress'],
    [place !== undefined, 'relocation'],
    [DOWNSIZING, 'downsizing'],
    [UPGRADING, 'upgrading'],
    [relocating, 'relocation'],
    [OTHER, 'other'],
  ];
  const hit = rules.find(([rule]) => (typeof rule === 'boolean' ? rule : rule.test(simple)));
  if (!hit) {
    // Reasons these rules miss ("getting married", "taxes are too high", "bought another house").
    const reason = readMotivationSlot(text, { justAsked: false, bot: 'seller' });
    return reason ? { kind: FOLDED[reason] } : null;
  }
  return place ? { kind: hit[1], destination: place } : { kind: hit[1] };
}
