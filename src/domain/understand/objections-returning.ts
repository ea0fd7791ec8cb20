import { type ObjectionRule, w } from './objections-patterns.ts';

/**
 * Objections of leads who come back after a while or from somewhere in particular: they were
 * dodging the texts, went back to the agent whose listing expired, were promised no contact at the
 * open house, bought or sold meanwhile, or wait for a raise or a better time. Same form as
 * OBJECTION_RULES (objections-patterns.ts).
 */
export const RETURNING_OBJECTION_RULES: readonly ObjectionRule[] = [
  {
    // "listing expired but we're going back with the same agent", "sticking with our agent".
    type: 'listed_with_other',
    pattern: w(
      '(?:going|gone|went|go) back (?:with|to) (?:the same|our|my|the old|our old|my old) (?:agent|realtor|broker)|(?:relisting|relist|re list|re listing)(?: it)? with (?:the same|our|my|her|him)',
    ),
    negatable: true,
    statement: true,
    notFor: ['buyer'],
  },
  {
    // "una muchacha de la iglesia es agente, ella nos está ayudando".
    type: 'has_agent',
    pattern: w(
      '(?:es|son) (?:agente|agenta|realtor|corredora?)(?: de bienes raices)?(?: [a-z]+){0,2} (?:ella|el|ellos) (?:nos|me) (?:esta|estan) ayudando',
    ),
    statement: true,
  },
  {
    // "I've been dodging these texts bc I don't know what I want to do yet", "ahorita no tengo
    // cabeza", "we decided to hold off until spring", "mi esposo no quiere vender todavía", "hasta
    // que nos den el aumento", "so we gotta pause", "it's just not the time".
    type: 'too_early',
    pattern: w(
      '(?:dont|do not) know what (?:i|we) want to do yet|ahorita no tengo cabeza|no tengo cabeza (?:para|ahorita)|(?:decided|decidimos|want|wanna|going) to hold off|hold(?:ing)? off (?:until|till|til|for now|a bit)|no (?:quiere|queremos|quiero) vender todavia|hasta que (?:nos|me) (?:den|suban) (?:el )?aumento|(?:gotta|have to|need to|going to|gonna) pause|(?:its|it is) (?:just )?not the (?:right )?time',
    ),
    negatable: true,
  },
  {
    // "oiga ya le dije a la otra muchacha que no vendemos", "no offense but I'm only talking to
    // agents my friends have used", "we ended up moving to Texas, good luck!", "ninguna de las
    // dos", "neither. and delete this number", "ya párenle con los mensajes, no vendo".
    type: 'not_interested',
    pattern: w(
      '(?:ya )?(?:le|les|te) dije (?:a [a-z]+ (?:[a-z]+ )?)?que no (?:vendemos|vendo|compramos|compro|nos interesa|me interesa)|(?:im|i am|were|we are) only (?:talking|working|dealing) (?:to|with) (?:agents|realtors|people) (?:my|our) (?:friends|family)|ended up moving (?:to|out)(?: [a-z]+){0,2} good luck|(?:^| )no (?:vendo|vendemos|compro|compramos)$',
    ),
  },
  {
    // "we actually just went under contract in Rialto!!", "¿otra vez ustedes? ya les dije que
    // compramos en diciembre".
    type: 'already_bought',
    pattern: w(
      '(?:we|i) (?:actually )?(?:just )?went (?:under contract|into escrow|in escrow)|(?:ya )?(?:les|le|te) dije que (?:ya )?compramos',
    ),
    notFor: ['seller'],
    statement: true,
  },
  {
    // "ya la vendió mi hermano por su cuenta".
    type: 'already_sold',
    pattern: w('ya la (?:vendio|vendieron|vendimos) (?:mi|nuestro|nuestra|el|la) [a-z]+(?: por su cuenta)?'),
    statement: true,
  },
  {
    // "go find someone else to bother", "you realtors are half the reason my kids can't afford to
    // live here".
    type: 'hostile',
    pattern: w(
      'go (?:find|look for|bother|text) (?:someone|somebody) else|(?:you|yall) (?:realtors|agents|people) are (?:half |part of |most of )?(?:the|why) (?:reason|problem)',
    ),
  },
  {
    // "I put my info in that form to see a number, not to get texted every other day", "the sign in
    // sheet at the open house said no one would contact us. so much for that", "the persistence is
    // wild".
    type: 'stop_texting',
    pattern: w(
      'not to (?:get|be) (?:texted|called|spammed|contacted|bugged|harassed)|(?:said|promised|told us) no one would (?:contact|call|text|bother) (?:us|me)|(?:the )?persistence is (?:wild|crazy|insane|a lot|too much)',
    ),
  },
];
