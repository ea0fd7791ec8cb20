import { flatten, sentences, wordRegex } from './text.ts';

const HUMAN =
  '(?:a |an |the |some |your |a real |an actual |a live )?(?:real person|real human|actual person|live person|person|human|human being|agent|realtor|broker|representative|rep|manager|boss|someone|somebody|anyone|owner|operator|live agent|real agent)';
const TALK =
  '(?:talk|speak|chat|get on the phone|get on a call|hop on a call|be connected|get connected|connect me)';
const CALL_TAIL =
  '(?:back|today|tomorrow|tonight|now|next|asap|please|pls|at|when|whenever|after|before|later|this|in|on|anytime|any time|directly|instead|about|if|so|or|and|real quick|sometime|soon|at your|rather|instead of)';
const NEGATED = /(?:^| )(?:dont|do not|never|no need to|wont|didnt|dont need to|no me)$/;

const HUMAN_ONLY =
  '(?:a |an |the |some )?(?:real person|real human|actual person|live person|human being|human|representative|live agent|real agent|operator|someone real|real people)';

// The configured agent name is rewritten to this token before matching, so the patterns stay static.
const AGENT = 'agentname';
const NAMED = `${AGENT}|${AGENT}s`;

const PATTERNS: readonly RegExp[] = [
  wordRegex(`${TALK} (?:to|with) (?:${NAMED}|${HUMAN})`),
  wordRegex(
    `(?:want|need|get me|give me|put me through to|transfer me to|connect me (?:to|with)|put me in touch with) ${HUMAN_ONLY}`,
  ),
  // "is there a real person i can talk to", "someone we could speak with".
  wordRegex(
    `(?:is there|do you have|do yall have|have you got|got|can i get|can we get|i want|i need|id like|we want|we need) ${HUMAN} (?:i|we|that i|that we|who i|who we) (?:can|could) (?:talk|speak|chat) (?:to|with)`,
  ),
  // "put a real person on", "get someone real on the phone"
  wordRegex(`(?:put|get) ${HUMAN_ONLY} on(?: here| the phone| the line)?$`),
  wordRegex(
    `(?:${AGENT}s|the agents|your agents|realtors) (?:cell|cell phone|phone|phone number|number|direct line|direct number)`,
  ),
  wordRegex(`(?:is|when is|when will) (?:${NAMED}) (?:be )?(?:available|free|around|in)`),
  wordRegex('(?:give|gimme) (?:me|us) a (?:call|ring|buzz)'),
  wordRegex(
    '(?:talk|speak|chat) (?:on|over|by) the phone|(?:hop|jump|get) on a (?:call|quick call|phone call)|(?:set up|schedule|book) a (?:call|phone call)',
  ),
  wordRegex(`(?:call|phone|ring|telephone) (?:me|us)(?= ${CALL_TAIL}(?: |$)|$)`),
  // "I would appreciate a phone call rather than texts", "we'd prefer a call".
  wordRegex(
    '(?:appreciate|prefer|rather have|would like|id like|wed like) (?:a )?(?:phone call|call|phone conversation)(?! (?:from|with) (?:the |my |our |a )?(?:lender|bank|loan officer))',
  ),
  // "just have Jorge call me, stop asking me questions".
  wordRegex(
    `(?:have|get|tell|ask) (?:${NAMED}|him|her|the agent|your agent|someone|somebody) (?:to )?(?:call|phone|ring|telephone) (?:me|us)`,
  ),
  wordRegex(
    '(?:quiero|quisiera|necesito|puedo|podria|me gustaria|prefiero) (?:hablar|platicar) (?:con|a) (?:una persona|alguien|un humano|un agente|una persona real|el agente|un representante)',
  ),
  wordRegex(
    `(?:hablar|platicar) con (?:${AGENT}|el agente|una persona real|una persona de verdad|un humano|alguien real)`,
  ),
  // "¿me pueden pasar con una persona de verdad?", "comuníqueme con el agente".
  wordRegex(
    `(?:pasar(?:me|nos)?|pasen(?:me|nos)|pase(?:me|nos)|comunicar(?:me|nos)?|comuniquen(?:me|nos)|comunique(?:me|nos)|comunica(?:me|nos)) con (?:${AGENT}|el agente|un agente|una persona(?: real| de verdad)?|alguien(?: real| de verdad)?|un humano|un representante)`,
  ),
  wordRegex(
    '(?:llamame|llameme|llamenme|me puedes llamar|me puede llamar|me pueden llamar|puedes llamarme|puede llamarme|pueden llamarme|que me llame|que me llamen|marcame|marqueme|marquenme|me puede marcar|me puedes marcar|me pueden marcar|puede marcarme|puedes marcarme|pueden marcarme|que me marque|que me marquen)|prefiero hablar con (?:el|ella|usted|ustedes)',
  ),
  wordRegex(
    '(?:hablar|platicar) por telefono|(?:hacer|hagamos|agendar|agendemos|programar|tener) una llamada',
  ),
];

/** Full name first, then the first name alone: "Jorge Salas" is also just "Jorge". */
function withAgentToken(sentence: string, agentName: string): string {
  const full = flatten(agentName);
  const names = [full, full.split(' ')[0] ?? ''].filter((name) => name.length > 0);
  let result = ` ${sentence} `;
  for (const name of names) {
    result = result.replaceAll(` ${name} `, ` ${AGENT} `).replaceAll(` ${name}s `, ` ${AGENT}s `);
  }
  return result.trim();
}

/** An explicit ask for a person: escalates to the agent (see the escalation rules). */
export function detectHumanRequest(text: string, agentName = 'Jorge'): boolean {
  for (const raw of sentences(text)) {
    const sentence = withAgentToken(raw, agentName);
    for (const pattern of PATTERNS) {
      const match = pattern.exec(sentence);
      if (!match) continue;
      if (NEGATED.test(sentence.slice(0, match.index).trim())) continue;
      return true;
    }
  }
  const bare = flatten(text).replace(
    /^(?:(?:i want|i need|get me|give me|quiero|necesito) )?(?:(?:a|an|una|un) )?/,
    '',
  );
  return /^(?:real person|human|agent|representative|operator|persona real|humano|persona)(?: please| por favor)?$/.test(
    bare,
  );
}
