/**
 * What the bot does when a lead says no. Configurable per objection in the bots config
 * (`objections`); the defaults follow what a careful agent does:
 * - `close_for_good`: a polite close, the do-not-solicit tag (an off switch: no more questions or
 *   follow-ups; a later message reaches the agent), never solicited again. Another agent's client
 *   is not pitched (NAR Code of Ethics, Article 16).
 * - `close_check_in`: a polite close and at most one long-horizon check-in (the day-30 follow-up).
 * - `stop_for_good`: an apology, the bot and every follow-up stop for good (wrong number); the
 *   contact is not marked opted out, since this person never subscribed.
 * - `stop_questions`: no more qualifying questions or follow-ups; the lead is told how to opt out.
 * - `calm_close`: a calm close and the agent is told (the bot holds back until they resolve it).
 * - `nurture`: acknowledged; the conversation goes on gently and follow-ups continue.
 */
export const OBJECTION_POLICIES = [
  'close_for_good',
  'close_check_in',
  'stop_for_good',
  'stop_questions',
  'calm_close',
  'nurture',
] as const;
export type ObjectionPolicy = (typeof OBJECTION_POLICIES)[number];
