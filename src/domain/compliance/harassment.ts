import { sentences, wordRegex } from './text.ts';
import { remember } from '../remember.ts';

// Deliberately short lists: ordinary frustration ("this is annoying", "wtf") must still get a
// calm reply, only abuse aimed at a person escalates.
const THREATS = wordRegex(
  '(?:i will|ill|im going to|im gonna|i am going to|gonna|i could|i should) (?:kill|hurt|shoot|stab|beat up|murder|strangle|punch|rape) (?:you|u|him|jorge)|i know where you (?:live|work)|watch your back|youre (?:dead|going to die)|you will pay for this|hunt you down|burn (?:your|down your) (?:house|office|car)|te voy a (?:matar|golpear|buscar|encontrar)|se donde vives|te vas a arrepentir|cuidate la espalda',
);
const SLURS = wordRegex(
  'nigger|niggers|nigga|faggot|faggots|fag|retard|retarded|spic|spics|wetback|wetbacks|chink|chinks|kike|kikes|tranny|maricon|mayate|sudaca',
);
const INSULT = 'bitch|whore|slut|cunt|skank|puta|puto|perra|zorra|pendejo|pendeja|idiota|estupido|estupida';
const DIRECTED_INSULT = wordRegex(
  `(?:you|u|youre|ur|you are|eres|pinche|hey|shut up)(?: (?:a|an|such a|fucking|stupid|dumb|little|una|un))* (?:${INSULT})|(?:${INSULT}) (?:ass )?(?:agent|realtor|bot)`,
);
const DIRECTED_ABUSE = wordRegex(
  'fuck you|fuck u|fuck off|f off|stfu|shut the fuck up|go fuck yourself|suck my|eat shit|you piece of shit|go to hell|hijo de puta|hija de puta|vete a la mierda|chinga tu madre|chingate|vete al carajo',
);
const SEXUAL = wordRegex(
  'send (?:me )?nudes|nudes|nude pics|naked pics|dick pic|dick pics|sleep with (?:me|you)|hook up with (?:me|you)|wanna fuck|want to fuck|blow job|blowjob|horny|youre sexy|you are sexy|you sound sexy|you look sexy|what are you wearing|show me your (?:body|boobs|tits|ass)|sit on my|mandame fotos|fotos desnuda|fotos desnudo|estas buena|estas bueno|acostarme contigo|acostarte conmigo',
);

/** Threats, slurs and sexual harassment toward the agent or the assistant. */
function findHarassment(text: string): boolean {
  return sentences(text).some((sentence) =>
    [THREATS, SLURS, DIRECTED_INSULT, DIRECTED_ABUSE, SEXUAL].some((pattern) => pattern.test(sentence)),
  );
}
/** Asked of the same message by several readers of a turn: read once (../remember.ts). */
export const detectHarassment = remember(findHarassment);
