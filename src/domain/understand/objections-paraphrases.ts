import { type ObjectionRule, w } from './objections-patterns.ts';

/**
 * More ways of saying the same "no", by word family rather than by sentence: where the house is
 * sold from (a portal, privately, an iBuyer), contract states (pending, under contract), closing
 * on a purchase, complaints about how often or when we write, a tenant answering the owner's
 * number, and a "never". Same form as OBJECTION_RULES (objections-patterns.ts).
 */

const AGENT = '(?:agent|realtor|broker|brokerage|company|firm|team|agente|realtor|corredor|compania)';
const PORTAL =
  '(?:zillow|redfin|craigslist|facebook(?: marketplace)?|marketplace|offerup|the mls|mls|realtor com|trulia)';
const BUYER_CO =
  '(?:opendoor|offerpad|zillow offers|redfin|an ibuyer|ibuyer|a cash buyer|an investor|investors|a flipper|a discount broker|a flat fee (?:broker|company|service)|we buy houses)';
const PRIVATE_BUYER =
  '(?:a |my |our |the )?(?:friend|friends|neighbor|neighbour|neighbors|relative|family member|cousin|brother|sister|coworker|tenant|tenants|son|daughter|kid|kids)';

export const MORE_OBJECTION_RULES: readonly ObjectionRule[] = [
  {
    // "we're going to list on zillow ourselves", "selling it private to a friend",
    // "went with opendoor's listing thing", "we listed at 899 with our realtor already"
    type: 'listed_with_other',
    pattern: w(
      `(?:list|listing|listed|sell|selling|post|posting|posted|put|putting) (?:it |the house |the home |our house )?(?:on|thru|through|via) ${PORTAL}|(?:sell|selling|going to sell|gonna sell)(?: it| the house| the home)? (?:private|privately|off market|directly|direct) |(?:sell|selling|going to sell|gonna sell)(?: it| the house| the home)?(?: privately)? to ${PRIVATE_BUYER}|(?:went|going|goin|go|gone|decided to go|signed|sticking|staying) with ${BUYER_CO}s?|(?:listed|listing) (?:it )?at [0-9a-z.]+ (?:with|w) (?:our|my|a|an|another)|(?:pending|under contract|in escrow|in contract) (?:with|through|thru) (?:another|a|an|other|our|my|a different) ${AGENT}|(?:agents|realtors|brokers) listing|listing (?:agreement |contract )?(?:expires|ends|runs out|is up)|(?:have|got) (?:it|the house|the home|our house|our home) (?:listed|on the market|up for sale)|(?:signed|sign|signing) (?:with|up with) (?:a|an|our|my) (?:realtor|agent|broker|brokerage|listing agent)|(?:(?:have|got|hired|found|picked|using|with) (?:a|an)|our|my) listing (?:agent|realtor|broker)|(?:another|a different|other|an other|our|my|a) (?:agent|realtor|broker|brokerage) to (?:list|sell) (?:it|the house|our house|the home|our home)|(?:for sale )?by owner|(?:firmamos|firme|firmaron) con (?:otro|otra|un|una|el|la|nuestro|nuestra|mi) (?:agente|agenta|realtor|corredor|corredora|compania)`,
    ),
    negatable: true,
    statement: true,
    notFor: ['buyer'],
    unless: /\b(?:contract|listing|agreement) (?:ended|expired|ran out|is over|was cancell?ed)\b/,
  },
  {
    // "its pending", "already under contract": a buyer's offer was accepted.
    type: 'already_sold',
    pattern: w(
      `(?:its|it is|house is|home is|were|we are|were already|its already|already) (?:pending|under contract|in escrow)(?! on| for)|(?:pending|under contract|in escrow) (?:with|through) (?:another|a|an|other|our|my) ${AGENT}`,
    ),
    negatable: true,
    statement: true,
    notFor: ['buyer'],
  },
  {
    // A buyer who closed or is stuck in escrow has bought: "lol we closed last friday".
    type: 'already_bought',
    pattern: w(
      '(?:we|i) (?:just |finally |already )?closed (?:last|yesterday|on (?:it|the|our|a|friday|monday|tuesday|wednesday|thursday|saturday|sunday)|this (?:week|month)|escrow|already)|(?:been|still|currently|were|we are|im|i am|were still) in escrow|escrow (?:hell|nightmare|is taking|closes)',
    ),
    negatable: true,
    statement: true,
    notFor: ['seller', 'lead'],
  },
  {
    type: 'already_bought',
    pattern: w(
      'already found (?:something|our (?:place|home|house)|the one)|found (?:something|our (?:place|home|house)|the one) already',
    ),
    negatable: true,
    statement: true,
    notFor: ['seller'],
  },
  {
    // "just scrolling zillow", "just doing some research", "just checking out what's out there"
    type: 'just_looking',
    pattern: w(
      '(?:just|only|merely|simply) (?:checking (?:out|things out|it out|whats|what is|around|zillow|redfin|listings|prices)|scrolling|doing (?:some |a little |my )?research|daydreaming|dreaming|killing time|seeing whats (?:out there|available))',
    ),
    statement: true,
  },
  {
    // How often or when we write: "my phone is blowing up", "every day a new text",
    // "called me at 7am on a saturday", "me llaman de todos lados".
    type: 'stop_texting',
    pattern: w(
      '(?:phone|cell|inbox) (?:is |has been |keeps |been )?(?:blowing up|ringing nonstop|buzzing nonstop|ringing off)|blowing up my (?:phone|cell)|(?:called|texted|calling|texting|messaged|messaging|call|text) (?:me|us) (?:at|before) [0-9]{1,2}(?: ?am| in the morning)|(?:every|each|cada) (?:single )?(?:day|morning|night|dia|manana|noche|rato)(?: a| un| another| otro| with a)? (?:new |nuevo |different |diferente |otro )?(?:text|message|call|mensaje|llamada)|(?:me|nos) (?:llaman|escriben|textean|marcan|mandan mensajes|buscan) (?:de todos lados|todo el dia|a cada rato|a todas horas|a las [0-9]+|tan temprano|muy temprano)|(?:me|nos) (?:molesta|molestan|choca) que (?:me|nos) (?:escriban|llamen|manden|texteen|marquen)|(?:getting|get|receiving) (?:calls|texts|messages) (?:from (?:everyone|everybody|all of you|all over)|nonstop|all day)|everyone (?:is )?(?:calling|texting) me',
    ),
  },
  {
    // Someone who lives there but does not own it: "I'm not the owner, I just rent here".
    type: 'wrong_number',
    pattern: w(
      '(?:im|i am|were|we are) (?:not|no) (?:the )?(?:owners?|homeowners?|landlord)|no soy (?:esa|esta|la) persona|no soy (?:el|la) que (?:busca|buscan)|(?:this|it) (?:isnt|is not|aint) (?:my|our) (?:house|home|place|property)|(?:i|we) (?:just |only )?rent (?:here|it|this (?:place|house|home))|(?:just|only) (?:a |the )?(?:renters?|tenants?) here|no soy (?:el|la) (?:dueno|duena|propietari[oa])|no somos (?:los )?(?:duenos|propietarios)|(?:solo|nomas) (?:rento|rentamos)|(?:no es|esta no es) (?:mi|nuestra) casa',
    ),
    notFor: ['buyer'],
  },
  {
    // "maybe never", "don't send me another lowball offer", "cancel and don't reschedule".
    type: 'not_interested',
    pattern: w(
      '(?:maybe|probably|prob|likely|possibly|or) never|(?:quizas|tal vez|a lo mejor) nunca|(?:dont|do not|never) (?:send|make|give) (?:me |us )?(?:another|any more|anymore|more|any|your|a) (?:[a-z]+ ){0,2}offers?|(?:dont|do not|no need to) (?:reschedule|rebook|re book|book (?:another|again|a new))',
    ),
    statement: true,
  },
  {
    // "offer accepted on a place in Eastvale", "nos aceptaron una oferta", "we ended up buying a condo".
    type: 'already_bought',
    pattern: w(
      'offer (?:got |was )?accepted on (?:a|an|the|our)|(?:nos|me) (?:aceptaron|acept[oó]) (?:una|la|nuestra) oferta|ended up (?:buying|getting|going with) (?:a|an|the|another) (?:house|home|place|condo|townhouse|townhome|new build)',
    ),
    negatable: true,
    statement: true,
    notFor: ['seller'],
  },
  {
    // "I already signed with someone from Compass", "ya andamos con una agente de Ontario".
    type: 'has_agent',
    pattern: w(
      '(?:already |just )?signed (?:with|up with) (?:someone|somebody|a guy|a lady|a gal|an agent|a realtor)|(?:ya )?(?:andamos|ando|estamos|estoy|vamos) con (?:una|un|otra|otro) (?:agente|agenta|realtor|corredor|corredora)',
    ),
    negatable: true,
    statement: true,
  },
  {
    // "I'm not selling and wasn't planning to", "ni comprar ni vender", "we're renting and we like it".
    type: 'not_interested',
    pattern: w(
      '(?:not|no) (?:selling|buying|moving)(?: (?:and|or)) (?:wasnt|was not|werent|were not|not|never|have no) (?:planning|plans|thinking|going) to|ni (?:comprar|compro|compramos) ni (?:vender|vendo|vendemos)|ni (?:vender|vendo|vendemos) ni (?:comprar|compro|compramos)|(?:were|we are|im|i am) renting and (?:we|i) (?:like|love) it',
    ),
    statement: true,
  },
  {
    // "lease isnt up till next november so not yet", "give us like 6 months to clean up our credit",
    // "reach out again in like a year", "todavía falta".
    type: 'too_early',
    pattern: w(
      '(?:lease|contract|rental agreement) (?:isnt|is not|aint|wont be|doesnt end|does not end|doesnt run out) (?:up |over |done )?(?:till|til|until)|give (?:us|me) (?:like |about |a |another |maybe )?(?:[0-9]+|a few|a couple|six|three) (?:more )?(?:months|years?) to|(?:reach|check) (?:back |out )?(?:again |back )?in (?:like |about |maybe )?(?:a year|[0-9]+ months|six months|a few months)|todavia (?:nos |me )?falta(?:n)?(?: mucho| un rato| tiempo)?$',
    ),
    statement: true,
  },
  {
    // "I get 10 of these a week", "how many of these do you send a day", "too many questions man".
    type: 'stop_texting',
    pattern: w(
      '(?:i|we) get (?:like )?(?:[0-9]+|ten|twenty|so many|a million|a dozen) (?:of these|texts|messages) (?:a|per|every) (?:day|week)|how many (?:of these|texts|messages) (?:do|does|are) (?:you|u|yall|you guys) (?:send|sending)|too many (?:questions|texts|messages)|texts every (?:single )?day',
    ),
  },
  {
    // Insults at realtors or at us: "you realtors are like roaches", "you clowns", "rateros".
    type: 'hostile',
    pattern: w(
      '(?:you|u|ustedes) (?:realtors|agents|people|guys|los realtors|los agentes)? ?(?:are|r|son) (?:like )?(?:roaches|cockroaches|vultures|leeches|parasites|sharks|clowns|scammers|crooks|thieves|rateros|ladrones|buitres|sanguijuelas)|you clowns|(?:bola de|pinches) (?:rateros|ladrones|buitres)|,? rateros$',
    ),
  },
];
