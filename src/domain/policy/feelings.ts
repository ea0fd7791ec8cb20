import type { TurnContext } from '../turn-context.ts';

/**
 * Feelings a person should answer: a lead who is grieving or angry is handed to the agent (the bot
 * says so once and then holds back until the agent resolves it). Stress, urgency and excitement
 * are met in the bots' own wording and the conversation goes on.
 */
export function handleFeelings(ctx: TurnContext): boolean {
  const kinds = new Set(ctx.reading.acts.flatMap((a) => (a.act === 'feeling' ? [a.kind] : [])));
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
