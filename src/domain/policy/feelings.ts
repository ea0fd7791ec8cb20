import { flatten, wordRegex } from '../compliance/text.ts';
import type { TurnContext } from '../turn-context.ts';

// Anger at someone else: tenants who stopped paying, a landlord, a lender, the last agent, a
// builder. The lead is upset with them, not with us.
const AT_OTHERS = wordRegex(
  'tenants?|inquilinos?|renters?|landlord|landlady|casero|lender|lenders|bank|banco|prestamista|builder|constructora|investors?|inversionistas?|(?:last|old|previous|other|first|listing) (?:agent|realtor|guy)|(?:el|la|mi|nuestro|nuestra) (?:otr[oa] )?(?:agente|realtor) (?:anterior|pasad[oa])|contractor|insurance|aseguranza|(?:my|our|mi) ex|the city|the county|neighbou?rs?|vecinos?|(?:the|los|el) (?:buyers?|compradores?)',
);
// Anything said to or about us keeps it ours: "you people", "your texts", "este número".
const AT_US = wordRegex(
  'you|your|u|ur|yall|youre|ustedes|usted|te|tu|tus|texts?|texting|messages?|mensajes?|numero|number|jorge|vultures?|buitres?|realtors|agents|spam|report\\w*|reportar|lawyer|attorney|abogad[oa]',
);

/** Angry at tenants, a landlord, a lender or the last agent, and nothing about us. */
function angryAtOthers(ctx: TurnContext): boolean {
  const flat = flatten(ctx.text);
  if (!AT_OTHERS.test(flat) || AT_US.test(flat)) return false;
  return !ctx.reading.acts.some(
    (a) => a.act === 'objection' && (a.type === 'hostile' || a.type === 'stop_texting'),
  );
}

/**
 * Feelings a person should answer: a lead who is grieving or angry is handed to the agent (the bot
 * says so once and then holds back until the agent resolves it). Anger at someone else (tenants,
 * a landlord, the last agent) is met with sympathy and the conversation goes on, as stress, urgency
 * and excitement are in the bots' own wording.
 */
export function handleFeelings(ctx: TurnContext): boolean {
  const kinds = new Set(ctx.reading.acts.flatMap((a) => (a.act === 'feeling' ? [a.kind] : [])));
  if (kinds.has('anger') && !kinds.has('grief') && angryAtOthers(ctx)) {
    // "los inquilinos no pagan desde septiembre y ya estoy harto": sympathy, and the bot goes on.
    ctx.parts.unshift({ text: ctx.phrase('empathy.frustration'), keep: true });
    ctx.audit('feeling', { kind: 'anger', at: 'others' });
    ctx.reading = {
      ...ctx.reading,
      acts: ctx.reading.acts.filter((a) => !(a.act === 'feeling' && a.kind === 'anger')),
    };
    return false;
  }
  if (kinds.has('anger')) {
    ctx.holdingMessage();
    ctx.escalate('anger');
    ctx.audit('feeling', { kind: 'anger' });
    return true;
  }
  if (kinds.has('grief')) {
    // The seller bot's own empathy line may already be there; the holding message replaces it.
    ctx.holdingMessage();
    ctx.parts.unshift({ text: ctx.phrase('empathy.death'), keep: true });
    ctx.escalate('grief');
    ctx.audit('feeling', { kind: 'grief' });
    return true;
  }
  return false;
}
