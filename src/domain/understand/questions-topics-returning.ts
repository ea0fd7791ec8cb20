import { wordRegex } from '../compliance/text.ts';
import { type TopicRule, YOU } from './questions-topics.ts';

// Questions of leads who come back after a while or from somewhere in particular (an expired
// listing, a postcard, a billboard, an ad, a home-value form): which of the many texting agents we
// are, what we would do differently, what the form was for. Same form as TOPIC_RULES
// (questions-topics.ts); every list is read for every sentence.

export const RETURNING_TOPIC_RULES: readonly TopicRule[] = [
  {
    // "are you another one of those", "r u guys the ones with the billboard on foothill", "which one
    // are you", "are you the same team that runs the facebook page", "whose number is this".
    topic: 'identity',
    said: [
      wordRegex(
        `which (?:one|agent|company|team) (?:are|r) (?:${YOU})|whose number is this|(?:are|r) (?:${YOU}) (?:the same|the) (?:team|people|guys|company|office|agent|ones) (?:with|from|that runs|who runs|on|behind) (?:the|that|your) (?:billboards?|signs?|bench|bus stop|postcards?|mailers?|flyers?|commercials?|facebook page|instagram|website|page)`,
      ),
    ],
    asked: [
      wordRegex(
        `(?:are|r) (?:${YOU}) (?:another|one) (?:one )?of (?:those|them|these)(?: (?:agents|guys|people|realtors))?`,
      ),
    ],
  },
  {
    // "is this about the postcard or the online form?": which contact of ours this is.
    topic: 'how_got_number',
    said: [],
    asked: [
      wordRegex(
        'is this (?:about|from|for) (?:the|that|my) (?:postcard|mailer|flyer|letter|form|online form|ad|facebook ad)|(?:mi numero|el numero) (?:[a-z]+ ){0,2}quien (?:se )?(?:los|lo|la|las|le|les|te) (?:paso|dio)|quien (?:se )?(?:los|lo|la|las|le|les|te) (?:paso|dio) (?:mi|el) numero|quien se (?:los|lo|la|las) (?:paso|dio)$',
      ),
    ],
  },
  {
    // "what do you need from me", "is that the same thing" (pre-qualified), "¿dónde se saca eso?",
    // "¿cuánto hay que dar de enganche?", "¿ustedes hacen eso?".
    topic: 'process',
    said: [],
    asked: [
      wordRegex(
        `what (?:do|would|will) (?:${YOU}) need from (?:me|us)|(?:is|isnt) (?:that|it|this) the same (?:thing|as (?:pre ?approved|preapproved|approved))|(?:donde|como) se (?:saca|consigue|obtiene|tramita|pide) (?:eso|esa|la carta)|(?:cuanto|que) hay que (?:dar|poner|pagar) de enganche|(?:ustedes|usted) (?:hacen|hace|ayudan con|manejan) eso|credito para (?:comprar|que (?:me|nos) aprueben)`,
      ),
    ],
  },
  {
    // "dont remember asking for this but ok what's the offer", "¿ustedes compran casas de contado?",
    // "mejor que me llame Jorge", "who do you guys recommend", "do we need to have the house cleaned
    // up before he comes?", "what would you even do different" (the agent's own plan).
    topic: 'other',
    said: [
      wordRegex('(?:mejor )?que (?:me|nos) (?:llame|llamen|hable|marque|marquen)(?: jorge| el agente)?'),
      wordRegex(
        `what (?:would|will|could|do) (?:${YOU}) (?:even |actually )?do (?:different|differently)|que (?:harian|haria|harias|hacen|hace) (?:ustedes |usted |tu )?(?:diferente|distinto)`,
      ),
    ],
    asked: [
      wordRegex(
        `(?:ok|okay|so|but|and) (?:whats|what is) the (?:offer|deal)$|(?:ustedes|usted) compran (?:casas|propiedades)|who (?:do|would) (?:${YOU}) recommend|(?:have|need) (?:to )?(?:have )?(?:the (?:house|place|home) )?(?:cleaned|clean|picked) up before`,
      ),
    ],
  },
  {
    // "why does that matter? i just want a number", "ni idea, por eso llené la forma".
    topic: 'home_value',
    said: [
      wordRegex(
        '(?:i|we) (?:just |only )?want (?:a|the) (?:number|value|price|estimate)$|por eso (?:llene|llenamos|puse|pusimos) (?:la|el) (?:forma|formulario)',
      ),
    ],
    asked: [],
  },
  {
    // "any price drop on that house yet?", "what's new in Upland".
    topic: 'listing_status',
    said: [wordRegex('(?:whats|what is|anything|something) new (?:in|on|around|over in) [a-z]+')],
    asked: [
      wordRegex(
        '(?:price|prices) (?:drop|drops|cut|cuts|reduction|reduced|lowered)(?: on)? (?:that|the|this)',
      ),
    ],
  },
  {
    // "what are 3 bedrooms going for around here these days?".
    topic: 'market',
    said: [],
    asked: [
      wordRegex(
        'what (?:are|r|do) (?:[0-9]+ (?:bedrooms?|beds?|bd|br)|houses|homes|places) (?:going|selling|go|sell) for (?:around here|here|in (?:the|this) area|these days|nowadays|right now)',
      ),
    ],
  },
  {
    // "somewhere safe with good schools, you tell me", "what's Corona like?".
    topic: 'area_info',
    said: [wordRegex('(?:safe|good schools?|nice area)(?: [a-z]+){0,4} you tell (?:me|us)$')],
    asked: [wordRegex('^(?:whats|what is) [a-z]+(?: [a-z]+)? like$')],
  },
  {
    // "actually can we see the Alta Loma one instead of the Upland one on saturday".
    topic: 'reschedule',
    said: [],
    asked: [wordRegex('(?:see|tour|do|visit) the [a-z]+(?: [a-z]+)? one instead of')],
  },
  {
    // "can I just look first and do that later?": touring before the pre-approval.
    topic: 'preapproval_needed',
    said: [],
    asked: [
      wordRegex(
        '(?:just )?(?:look|looking|see|tour) first and (?:do|get) (?:that|it|the (?:letter|approval)) later',
      ),
    ],
  },
  {
    // "just use email from now on pls".
    topic: 'switch_to_email',
    said: [wordRegex('(?:just )?use (?:my )?(?:personal )?(?:email|e mail)(?: instead| from now on| only)')],
    asked: [],
  },
];
