import { wordRegex } from '../compliance/text.ts';
import type { TopicRule } from './questions-topics.ts';

// Questions of leads in tight money or housing situations (behind on payments, self-employed,
// rebuilding credit) and of buyers who do not know where to start: whether they can buy at all,
// how much they can afford, what happens at the meeting. Same form as TOPIC_RULES
// (questions-topics.ts); every list is read for every sentence.

export const MONEY_TOPIC_RULES: readonly TopicRule[] = [
  {
    // "idk what can i even afford? its all 1099", "¿me ayuda a ver cuánto puedo pagar?",
    // "depende de cuánto nos aprueben, ¿cómo le hago para saber?", "can i buy with a 580 score",
    // "credit is like 590 rn, is that too low to even start looking?", "todavía no, ¿tengo que tener
    // eso antes de ver casas?". Not "my credit's like 620, can I even buy?", which older labels read
    // as a question about the steps.
    topic: 'preapproval_needed',
    said: [],
    asked: [
      wordRegex(
        '(?:what|how much) (?:can|could) (?:i|we) (?:even |actually |really )?afford|(?:ver|saber) (?:cuanto|que) (?:puedo|podemos) (?:pagar|gastar|comprar)|(?:cuanto|cuanta) (?:nos|me) (?:aprueban|aprobarian|prestan|prestarian)(?: [a-z]+){0,6} como (?:le hago|le hacemos|hago|hacemos) para saber',
      ),
      wordRegex(
        '(?:can|could) (?:i|we) (?:buy|qualify) with (?:a |my |our )?(?:[0-9]{3}|low) (?:score|credit)|(?:too low|too bad|not good enough) to (?:even )?(?:start looking|look|buy|qualify)',
      ),
      wordRegex(
        '(?:tengo|tenemos) que tener (?:eso|esa|esto|la carta|la aprobacion) (?:antes de|para) (?:ver|buscar|mirar) casas',
      ),
    ],
  },
  {
    // "¿cuánto tarda eso?", "¿qué pasa en la cita? ¿tengo que llevar algo?", "remove the tenants first
    // or sell with them in there? what do people usually do".
    topic: 'process',
    said: [],
    asked: [
      wordRegex(
        '^(?:y )?cuanto (?:tarda|tardan|se tarda|demora)(?: (?:eso|esto|el proceso|todo|todo eso))?$|que pasa en la (?:cita|reunion|visita)|what happens (?:at|in|during) the (?:appointment|meeting|visit|consultation)|what do (?:people|most people|folks|sellers|buyers) (?:usually|normally|typically) do',
      ),
    ],
  },
  {
    // "how much is a house around here even?", "is there anything at 480 around here?".
    topic: 'market',
    said: [],
    asked: [
      wordRegex(
        'how much (?:is|are|do|does) (?:a |the )?(?:houses?|homes?|condos?|townhomes?)(?: even| usually| typically)? (?:around here|in this area|out here|go for|cost)|(?:is there|are there) (?:anything|any (?:houses|homes)) (?:at|for|under|around) (?:like )?[0-9]+(?:k)?(?: (?:around|out) here)?',
      ),
    ],
  },
  {
    // "whats there to do in etiwanda? we're coming from LA".
    topic: 'area_info',
    said: [],
    asked: [wordRegex('(?:whats|what is|what s) there to do (?:in|around|out)')],
  },
];
