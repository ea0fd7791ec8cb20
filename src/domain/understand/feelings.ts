import { prepare } from './objections-text.ts';
import { isNoise } from './polarity.ts';
import type { FeelingKind, UtteranceContext } from './types.ts';

/**
 * Feelings a realtor would answer before anything else: anger (at us or the situation), grief (a
 * death), stress (money, divorce, illness, being overwhelmed), urgency (it must happen now) and
 * excitement. Read from the prepared text (objections-text.ts) and from emoji in the raw text.
 */

const w = (source: string): RegExp => new RegExp(`\\b(?:${source})\\b`);

const PERSON =
  '(?:mom|mother|mama|dad|father|papa|parents?|grandma|grandmother|grandpa|grandfather|granny|grandparents|husband|wife|spouse|partner|son|daughter|child|kid|baby|brother|sister|aunt|uncle|fiance|fiancee|friend|he|she|they|madre|padre|esposo|esposa|hijo|hija|hermano|hermana|abuela|abuelo|tio|tia|mami|papi)';

// Said by leads coming back to us: a flood of texts after an expired listing, a lost offer, an
// eviction, a truck already booked, a baby or a wedding.
const ANGER_MORE =
  '(?:you|youve|you ve) (?:got|have) (?:some|a lot of) nerve|(?:que )?se vayan al (?:diablo|carajo)|vayanse al (?:diablo|carajo)|(?:[0-9]+|twenty|ten) agents are (?:texting|calling)|so much for that|enojadisim[oa]s?|ando que me lleva|(?:me|nos) (?:quisieron|quiso|quieren) ver la cara|(?:im|i am|were|we are) not playing that game|(?:this is|thats|that is|its|it s) (?:so |totally |completely )?illegal|against the law|es ilegal|(?:do not call|dnc|no call) registry';
const STRESS_MORE =
  'no idea what (?:im|i am|were|we are) doing|discouraged|(?:nos|me) (?:estan|esta) corriendo|insurance is still fighting|out from under|(?:phone|phones) (?:has not|hasnt|have not|havent) stopped ringing|(?:its|it is|house is) a mess|judge says';
const URGENCY_MORE =
  '(?:moving truck|movers|truck) (?:is |are )?(?:already )?booked|(?:dont|do not) want to lose another|baby is due|hoy mismo|de una vez|para fin de mes';
const EXCITEMENT_MORE = 'expecting twins|weddings? (?:is )?in [a-z]+|ready to make a move';

const ANGER = w(
  `frustrat\\w*|ridiculous|ridiculo|creepy|jesus christ|for (?:christs|fucks|gods) sake|ffs|omfg|(?:are|r) (?:you|u) (?:f ?ing |freaking |fricking |fucking |effing )?(?:kidding|joking) me|why the (?:hell|heck|fuck)|not this again|(?:just|please just|pls just) answer (?:the|my) question|do (?:you|u|yall) (?:even|ever|actually) read|(?:already|literally) answered (?:that|this|it)|answered (?:that|this|it) already|enough with (?:the|these|all the|your)|(?:gotten|got|received) (?:like )?(?:[0-9]+|so many|a million|a dozen|a bunch) of (?:these|those|your)|no manches|la misma pregunta|otra vez (?:la misma|lo mismo|con lo mismo)|bajenle|que desesperacion|desesperante|hasta la madre|(?:y )?a ti que te importa|que (?:te|le|les) importa|(?:los|las|lo|la) reporto|lowball\\w*|never signed up|(?:didnt|did not) sign up|never opted in|nunca me (?:registre|inscribi)|(?:everyone|everybody|you all|yall|people|you guys) (?:keeps?|is always|are always) asking|did (?:you|u|yall) (?:even|actually) (?:read|look|listen|check)|who sold (?:you|u|yall) (?:my|this)|re ?scheduled on (?:me|us)|no ?showed|stood (?:me|us) up|(?:was|were|showed up) (?:[0-9]+|an|a) (?:min|mins|minutes|hour|hours) late|fuming|livid|seething|offended|offensive|outrageous|unreal|nonsense|bullshit|bs|crap|pushy|rude|(?:im|i am|were|we are|so|im so|i am so) over (?:it|this|them|you)|sick of|tired of (?:this|it|them|you|people|getting|being|hearing|answering)|had (?:it|enough)|going to scream|gonna scream|want to scream|from hell|outbid|jerking|playing games|none of your business|(?:im|i am|were|we are|number is|numbers|number s) on (?:the|a) (?:do not call|dnc) list|(?:2nd|3rd|[4-9]th|second|third|fourth|fifth) (?:text|company|call|person|agent|realtor|time)|(?:me|nos) (?:molesta|molestan|choca|enoja|fastidia)|molest[oa]s?|fastidio|que molestia|(?:que|una) falta de respeto|disrespectful|me (?:canse|harte) de (?:contestar|responder|que|sus|tus|los mensajes|las preguntas|ustedes|lo mismo)|(?:ya )?(?:le|les|te) dije (?:que|tres|dos|mil|varias|[0-9]+)|furious|pissed|annoying|annoyed|irritated|enojad[oa]s?|furios[oa]s?|que coraje|so mad|im mad|angry|fed up|sick and tired|wtf|what the (?:hell|fuck|heck)|who the (?:hell|fuck|heck)|the fuck|go to hell|eat shit|harass\\w*|reporting you|report you|my (?:lawyer|attorney)|(?:hablo|hablare|llamo|llamare|voy) (?:con|a) mi abogad[oa]|le (?:hablo|llamo) a mi abogad[oa]|fcc|(?:you|yall|guys|people) (?:keep|keeps) (?:texting|messaging|contacting|bothering)|(?:ive|i have|i already|i) (?:told|said to) you|what part of (?:stop|no|not)|i said (?:stop|no)(?! by accident| by mistake)|leave me alone|quit spamming|vultures|parasites|outbid again|lowball|never gave (?:it|you|my number|anyone|permission)|how do you have my number|nunca (?:les|le|te) di|ya basta|dejen de molestar|dejenme en paz|no chinguen|que coraje|estoy harta|estoy harto|no pagan|infuriat\\w*|(?:thats|that is|its|what) an insult|insulting|(?:so|im|i am|were|we are) (?:so )?done with|jerk(?:ing|ed)? (?:us|me) around|making me (?:mad|angry|crazy)|pisses me off|sick of (?:them|you|yall|your)|this (?:crap|bs|bullshit|shit)|what a joke|(?:stop|quit) wasting (?:my|our) time|wasting (?:my|our) time|(?:you|u) (?:better|had better) (?:actually|not|show|be)|no showed|(?:i|ive|i have|we|weve) (?:already )?(?:said|told you|asked) (?:that|this|twice|already|before|(?:you )?(?:twice|already|before|\\d+ times|three times|two times))|(?:you|u) already asked (?:me )?(?:that|this)|what do (?:you|u|yall) (?:even |actually |really )?want|seriously\\?\\?|do not (?:contact|text|call) me again|(?:report|reporting) (?:this|your|the) number|(?:me )?tienen (?:harta|harto|hartos|hartas)|no me vengan con|ni (?:loca|loco)|otra vez con|(?:ya )?(?:le|les|te) dije que|pinches (?:agentes|realtors|vendedores|buitres)|last warning|ultima advertencia|insoportable|ya no (?:(?:los|las|te|le|les) )?(?:aguanto|soporto) (?:sus|tus|los|tantos|estos|esos) (?:mensajes|textos|llamadas|preguntas)|ya no (?:los|las|te|le|les) (?:aguanto|soporto)|a la (?:chingada|ch ngada|chngada)|who texts at|you people|${ANGER_MORE}`,
);
// A word written in capitals inside ordinary text, said to make a point: "did NOTHING", "NOT fontana".
const EMPHATIC_CAPS =
  /(?:^|[^A-Za-z])(?:NOT|NOTHING|NEVER|AGAIN|ALREADY|TWICE|STILL|EVERY|FIVE|SIX|TEN|NOBODY|NO ONE|ANYTHING)(?![A-Za-z])/;
// Any other word typed in capitals for emphasis ("the tenants TRASHED it", "I JUST told"), except
// the usual abbreviations and glad words.
const CAPS_WORD = /(?<![A-Za-z])[A-Z]{3,}(?![A-Za-z])/g;
// Short capitals are mostly abbreviations (PCS, UWM, FHA); these short ones are words said loud.
const SHORT_EMPHASIS = new Set(
  'ONE WHY NOW ALL DID TWO WAS ANY JUST EVER EVEN ONLY DONE WHAT THIS TOLD SAID LATE MANY SAME ONCE TEN SIX NOT'.split(
    ' ',
  ),
);
const NOT_EMPHASIS = new Set(
  'HOA HOAS FHA USDA ASAP STOP STOPALL HELP START UNSTOP INFO AYUDA ALTA ALTO BAJA DRE MLS ADU CMA FSBO HVAC ITIN DACA IRS LLC FYI LOL LMAO LMFAO OMG TBH IDK IMO NGL BTW APR ARM PMI USA DNC FCC SMS TXT AKA ETA POS KW EXP BHHS RE MAX REMAX CEO DIY ASL PST EST CST LOVE YES YESS YESSS YAY WOW GREAT AMAZING FINALLY BEST THANK THANKS THX GOOD NICE COOL AWESOME PERFECT SUPER HAPPY EXCITED LETS WOOHOO YAAAS YASSS HAHA JAJA GRACIAS'.split(
    ' ',
  ),
);
function emphaticCaps(text: string): boolean {
  if (EMPHATIC_CAPS.test(text)) return true;
  for (const m of text.matchAll(CAPS_WORD)) {
    const word = m[0];
    if (word.length >= 5 ? !NOT_EMPHASIS.has(word) : SHORT_EMPHASIS.has(word)) return true;
  }
  return false;
}
// "seriously??", "are you serious?", "c'mon": said in disbelief.
const DISBELIEF = /\bseriously\s*\?|\bare (?:you|u) serious\b|\bc['’]?mon\b|\bunbelievable\b/i;
// Pouting, angry, cursing, steaming, the finger, and the unamused look ("😒").
const ANGRY_EMOJI = /[\u{1F621}\u{1F620}\u{1F92C}\u{1F624}\u{1F595}\u{1F612}]/u;

const GRIEF = w(
  `passed away|passed on|${PERSON} (?:just |recently |unexpectedly |suddenly )?(?:passed|died|past away|past)|(?:just|recently) passed|funeral|buried (?:him|her|them|my|our)|(?:was|were) buried|(?:lost|losing) (?:my|our|her|his) ${PERSON}|(?:my|our) late(?! (?:\\d|teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))|in memory of|rip|grieving|still hurts|crying|hard time for (?:our|my|the) family|without (?:her|him)(?: anymore| now| here)?$|(?:the same|too (?:big|quiet|empty|much)|empty|lonely|alone) without (?:her|him)|fallecio|fallecimiento|murio|se nos fue|se me fue|en paz descanse|que en paz|de luto|perdimos a|perdi a|i miss (?:her|him)|(?:la|lo) extrano|acaba de fallecer|en su memoria`,
);

const STRESS = w(
  `overwhelming (?:me|us)|(?:dont|do not) (?:even )?know where to (?:start|begin)|me siento (?:muy |bien |super )?(?:perdid[oa]|abrumad[oa])|was a hoarder|(?:or|before) the bank takes it|stress\\w*|estres|un estres|scared|afraid|terrified|nervous|worried|me da miedo|(?:tengo|tenemos) miedo|end of (?:my|our) rope|(?<!(?:work|works|working|job|trabajo|trabajar|trabaja) )(?:in the hospital|en el hospital)|(?:\\d+|two|three|four|five|a few|several) months behind|notice of default|(?:no me|no nos) pagan|(?:arent|are not|stopped|havent|have not) paying (?:rent|the rent)|(?:im|i am|were|we are) so done with|stressed|stressful|estresad[oa]s?|overwhelmed|drowning|batallando|batallamos|apurad[oa]s?|preocupad[oa]s?|behind (?:\\d+|two|three|a few|a couple|several) (?:months|payments)|(?:cant|cannot|can not|couldnt) (?:afford|deal|handle|keep up|make (?:the )?payments|pay)|behind on|laid off|lost (?:my|his|her|our) jobs?|(?:me|nos) quede sin trabajo|sin trabajo|perdi (?:mi|el) trabajo|divorc\\w*|separated|separating|(?:me|nos) separe|nos separamos|bank (?:is|keeps) calling|(?:credit is|credit score is) (?:bad|terrible|shot|low)|bad credit|rough (?:year|time|few months|couple months)|(?:is|are|been) sick|cancer|(?:its|it is) complicated|no (?:podemos|puedo) (?:con los pagos|pagar|pagarla)|ya no podemos|foreclos\\w*|going thru|going through|anxious|anxiety|worried sick|freaking out|losing my mind|at my wits end|cant sleep|a lot on my plate|(?:bank|lender|creditors?) (?:is|are) (?:on my back|after (?:me|us)|breathing down)|exhausting|(?:my )?heads? (?:is |s )?spinning|(?:its|thats|this is|it is) killing me|cant stop worrying|losing sleep|(?:is|week is|weeks been|its been) (?:total )?chaos|me tiene (?:loca|loco|con los nervios)|ya no (?:aguanto|soporto|puedo mas)(?! (?:sus|tus|los|tantos|estos|esos) (?:mensajes|textos|llamadas|preguntas))|${STRESS_MORE}`,
);
const STRESS_EMOJI = /[\u{1F62C}\u{1F629}\u{1F630}\u{1F62B}\u{1F613}\u{1F625}\u{1F61F}]/u;

const URGENCY = w(
  `need (?:it|this|the house) (?:done|sold|gone) yesterday|just need (?:it|the house) gone|(?:gotta|have to|need to) move (?:fast|quick)|rate lock expires(?: [a-z0-9]+){0,3} (?:so|and) (?:we|i) (?:gotta|have to|need to) move|(?:or|before) the bank takes it|whatever gets it sold (?:quick|fast)|asap|as soon as possible|(?:the )?sooner the better|lo (?:antes|mas pronto) posible|lo mas pronto|lo mas rapido(?: posible)?|ahorita mismo|ya mismo|de volada|urgent|urgente|urgently|(?:nos|me) urge|immediately|de inmediato|cuanto antes|(?:need to|help me|help us) (?:sell|move|buy|be out|find (?:something|a place))(?: (?:my|our|the) (?:house|home|place))? (?:fast|quick|quickly|asap|soon|now|by|within|this month)|(?:have|got|need) to be out(?: of [a-z]+(?: [a-z]+)?)? (?:by|before|in)|(?:necesito|necesitamos|tengo que|tenemos que) (?:vender|comprar|mudarnos|salir)(?: la casa)? (?:ya|rapido|pronto|urgente)|before (?:escrow|the escrow) (?:closes|on)|escrow (?:on [a-z ]{0,30})?closes|before christmas|within (?:30|thirty|two|2|a few) (?:days|weeks)|(?<!(?:for|past|last|been|over) )(?:\\d|two|a couple|couple|few) weeks|needs to go|tenemos que salir|(?<!(?:not|text|texts|company|time|times|call|calls|inspections?|showings?) )this week|(?:need|needs) (?:it|this|ours) (?:gone|sold|done) by|movers are booked|(?:only|just) in town (?:through|thru|until|till|til)|[0-9]+ days before|${URGENCY_MORE}`,
);

const EXCITEMENT = w(
  `(?:our|my|the) dream (?:place|home|house)|always wanted to live (?:there|here|in)|ya quiero mi casita|excited|pumped|stoked|thrilled|psyched|hyped|ecstatic|gorgeous|stunning|obsessed|in a good way|love love|(?:so|soo+) (?:glad|happy)|(?:yes+ ){2,}|yes yes|padrisimo|que padre|chido|genial|exciting|so excited|amazing news|awesome news|emocionad[oa]s?|cant wait|cant stop (?:thinking|looking|smiling)|no dejo de pensar|love it|loved it|loving it|we love|i love|in love|omg|yay|woo|woohoo|finally|best news|great news|this is happening|lets do (?:this|it)|eek|que emocion|me encanto|nos encanto|nos gusto|me gusto|dream (?:home|house)|having twins|lose their minds|ya estamos listos|${EXCITEMENT_MORE}`,
);
const HAPPY_EMOJI =
  /[\u{1F60D}\u{1F389}\u{1F64C}\u{1F973}\u{1F929}\u{1F970}\u2764\u{1F38A}\u{1F60A}\u{1F601}\u{1F604}\u{1F603}\u{1F48D}]/u;
// "!!" reads as delight unless the message is angry, urgent or a complaint.
const DOUBLE_BANG = /!!/;
const NOT_DELIGHT = /\b(?:stop|start|asap|help|urgent|no|not|never|wrong|hate|why)\b/;
// Someone telling us to stop is not delighted, whatever else they write ("omg stop").
const STOPPING = /\bstop\b(?! (?:thinking|looking|smiling|by))/;
const NOT_GLAD =
  /\b(?:not|never|no longer|less than) (?:so |that |too |very |really |exactly )?(?:excited|thrilled|happy)\b/;
// A bare "now" or "yesterday lol" after "when?" is in a hurry.
const JUST_NOW =
  /^(?:like |um |uh |honestly )?(?:right now|now|today|yesterday)(?: lol| lmao| lmfao| haha| jaja)?$|^(?:like |um |honestly )?yesterday\b/;
// Good news, counted as excitement when said with an exclamation: "getting married in may!".
const GOOD_NEWS =
  /\b(?:getting married|got engaged|first (?:home|house|place)|baby on the way|got approved|approved for|got pre ?approved|got the job|got a promotion|accepted (?:an|a|the|their|our) offer|offer (?:got|was) accepted|we got it|closed today|got the keys|we bought in|had a baby|bought (?:a|our) (?:house|home|place)|just had (?:twins|a baby|our baby|a boy|a girl)|(?:were|we are|im|i am) ready to (?:look|buy|go|start|move))\b/;

/** The feelings a message shows, each at most once. */
export function readFeelings(text: string, ctx: UtteranceContext): FeelingKind[] {
  const p = prepare(text);
  const flat = p.flat;
  const found: FeelingKind[] = [];
  const shoutedStop = p.shouted && /\bstop\b/.test(flat) && flat.split(' ').length >= 3;
  const grief = GRIEF.test(flat);
  // "my husband just died, leave me alone" is grief asking for quiet, not anger.
  const angry = ANGER.test(flat) && !(grief && /\bleave me alone\b/.test(flat));
  // "that house is GORGEOUS", "SIIII ya nos aprobaron!! 🎉": capitals said in delight.
  const delighted = (EXCITEMENT.test(flat) && !NOT_GLAD.test(flat)) || HAPPY_EMOJI.test(text);
  const emphatic =
    !p.shouted && /[a-z]/.test(text) && (EMPHATIC_CAPS.test(text) || (!delighted && emphaticCaps(text)));
  if (angry || ANGRY_EMOJI.test(text) || shoutedStop || emphatic || DISBELIEF.test(text)) found.push('anger');
  if (grief) found.push('grief');
  if ((STRESS.test(flat) || STRESS_EMOJI.test(text)) && !/\bin a good way\b/.test(flat)) found.push('stress');
  if (URGENCY.test(flat) || JUST_NOW.test(flat)) found.push('urgency');
  // "!!" after "how many beds?" is emphasis ("a pool!!"), not delight.
  const delight =
    ctx.lastQuestion === null &&
    DOUBLE_BANG.test(text) &&
    !NOT_DELIGHT.test(flat) &&
    !found.includes('urgency') &&
    !isNoise(text);
  const goodNews = GOOD_NEWS.test(flat) && text.includes('!');
  // "forgive me if I'm not excited", "why are realtors so pushy omg": no delight in a complaint.
  const glad = EXCITEMENT.test(flat) && !NOT_GLAD.test(flat);
  if (
    !STOPPING.test(flat) &&
    !found.includes('anger') &&
    (glad || HAPPY_EMOJI.test(text) || delight || goodNews)
  ) {
    found.push('excitement');
  }
  return found;
}
