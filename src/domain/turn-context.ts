import type { BotsConfig } from './bots-config.ts';
import type { ContactFieldKey, ContactFields } from './contact-fields.ts';
import type { BotName, ContactView, CrmAction, FieldValue } from './conversation.ts';
import type { Listing } from './buyer/listing.ts';
import { introduce } from './knowledge/index.ts';
import type { Reading } from './read-message.ts';
import type { ConversationState, Lang } from './state.ts';
import { hasKey, type Params, t, variants } from './templates/index.ts';

/** Never the same qualifying question more than twice in one conversation. */
const MAX_ASKS = 2;
const QUALIFYING = /^(?:seller|buyer)\.|^lead\.ask_/;

export interface AuditEvent {
  action: string;
  detail: Record<string, unknown>;
}

/** One reply piece. `keep` pieces survive when the SMS must be shortened; the others go first. */
interface Part {
  text: string;
  keep: boolean;
  /** The question this part asks: it gives way to an answer when both do not fit one SMS. */
  asks?: string;
  /** A shorter wording of the same line, for when what must follow does not fit beside it. */
  short?: string;
}

/**
 * The working set of one turn: what the bots read (state, reading, contact) and what they write
 * (reply parts, CRM actions, audit events). Bots mutate only this; turn.ts turns it into a Decision.
 */
export class TurnContext {
  readonly parts: Part[] = [];
  readonly actions: CrmAction[] = [];
  readonly events: AuditEvent[] = [];
  needsSlots = false;
  allowAiDisclosure = false;
  /** The question pending when the message arrived. */
  readonly pendingBefore: string | null;
  /** Tags as they will be after this turn (case-insensitive set semantics). */
  tags: string[];
  /** Fields this turn sets (merged into one set_fields action). */
  fields: ContactFields = {};
  /** True once a bot wrote the reply for this turn. */
  answered = false;
  /** A qualifying question the lead's own question leads to, asked before the usual order. */
  askFirst: string | null = null;
  /** The line said this turn for a question given up on, if any. */
  private skipLine: string | null = null;
  /** Hand the conversation to a person (the reply is the holding message). */
  escalation: { reason: string; detail: Record<string, unknown> } | null = null;
  /** A compliance rule fired: the app opens a ticket with the evidence and the bot pauses. */
  compliance: {
    type: 'fair_housing' | 'respa' | 'tcpa' | 'privacy' | 'harassment' | 'other';
    rule: string;
    reply: 'sent' | 'withheld';
  } | null = null;

  constructor(
    readonly cfg: BotsConfig,
    public state: ConversationState,
    readonly contact: ContactView,
    readonly text: string,
    public reading: Reading,
    readonly now: Date,
    readonly world: { slots?: string[]; calendar: boolean; listings: readonly Listing[] },
  ) {
    this.tags = [...contact.tags];
    this.pendingBefore = state.pending;
  }

  get lang(): Lang {
    return this.state.lang;
  }

  get agent(): string {
    return this.cfg.persona.agentName;
  }

  phrase(key: string, params: Params = {}, variant = 0): string {
    const intro = introduce(this.cfg.persona, this.lang);
    return t(this.lang, key, { agent: this.agent, intro, ...params }, variant, this.cfg.questions[this.lang]);
  }

  say(
    key: string,
    params: Params = {},
    /** `shortParams`: the same line in fewer words, for `shorten()`. */
    opts: { variant?: number; keep?: boolean; shortParams?: Params } = {},
  ): void {
    this.parts.push({
      text: this.phrase(key, params, opts.variant ?? 0),
      keep: opts.keep ?? false,
      ...(opts.shortParams ? { short: this.phrase(key, opts.shortParams, opts.variant ?? 0) } : {}),
    });
    this.answered = true;
  }

  /** Says the lines that have a shorter wording in it; false when none has. */
  shorten(): boolean {
    let changed = false;
    for (const p of this.parts) {
      if (p.short === undefined || p.short === p.text) continue;
      p.text = p.short;
      changed = true;
    }
    return changed;
  }

  /** Says text composed elsewhere (a knowledge-base answer), kept when the SMS is shortened. */
  sayText(text: string): void {
    this.parts.push({ text, keep: true });
    this.answered = true;
  }

  /**
   * Asks a question and remembers it as pending. `attempt` rotates the wording, and the text is
   * never the same as the previous reply.
   */
  ask(key: string, attempt = 0): void {
    const times = this.state.asked[key] ?? 0;
    if (times >= MAX_ASKS && QUALIFYING.test(key)) {
      this.giveUpOn(key);
      return;
    }
    // The second time, in other words with examples or choices.
    const choices = `loop.choices.${key}`;
    if (times === 1 && hasKey(choices) && !this.cfg.questions[this.lang]?.[key]) {
      this.parts.push({ text: this.phrase(choices), keep: true, asks: key });
      this.remember(key);
      return;
    }
    const list = variants(this.lang, key, this.cfg.questions[this.lang]);
    let v = attempt % list.length;
    const text = (i: number) => this.phrase(key, {}, i);
    if (list.length > 1 && this.state.lastReply?.endsWith(text(v))) v = (v + 1) % list.length;
    this.parts.push({ text: text(v), keep: true, asks: key });
    this.remember(key);
  }

  private remember(key: string): void {
    this.state.pending = key;
    this.state.asked[key] = (this.state.asked[key] ?? 0) + 1;
    this.state.lastAsked = key;
    this.answered = true;
  }

  /**
   * A question asked twice and still not answered goes to a person, never a third time: the
   * question is skipped and the agent gets a task.
   */
  giveUpOn(key: string): void {
    if (this.state.skipped.includes(key)) {
      // Given up on before: the agent already has a task for it. A short acknowledgement, never
      // the same "no problem" line and a second task for every further vague message.
      this.state.pending = null;
      this.say('misc.closed', {}, { variant: this.state.inbound, keep: true });
      return;
    }
    this.state.skipped = [...this.state.skipped, key];
    this.state.pending = null;
    // The conversation usually goes on with the next question, so this is not a goodbye. It names
    // the question, so "that" never points at what the lead just answered.
    if (this.skipLine === null && !this.parts.some((p) => p.text === this.phrase('loop.handoff'))) {
      const named = `loop.skip.${key}`;
      this.say(hasKey(named) ? named : 'loop.skip', {}, { keep: true });
      this.skipLine = this.parts.at(-1)?.text ?? null;
    }
    this.task(
      'Lead needs a personal follow-up',
      `The assistant asked "${key}" twice without a usable answer and stopped asking; please follow up personally.`,
      24,
    );
    this.audit('question_given_up', { question: key });
  }

  /**
   * The first of `questions` neither answered nor given up on, with how many vague answers it has
   * had (to pick the wording). One answered vaguely `vagueRetries` times is given up on here, the
   * agent being told, unless this is only a look ahead (`record` false).
   */
  nextOpen<Q extends string>(
    questions: readonly Q[],
    answered: Record<Q, boolean>,
    key: (q: Q) => string,
    record = true,
  ): { q: Q; attempt: number } | null {
    const first = questions.find((q) => q === this.askFirst);
    for (const q of first ? [first, ...questions] : questions) {
      if (answered[q] || this.state.skipped.includes(key(q))) continue;
      const attempts = this.state.vague[key(q)] ?? 0;
      if (attempts >= this.cfg.thresholds.vagueRetries) {
        if (record) this.giveUpOn(key(q));
        continue;
      }
      return { q, attempt: attempts };
    }
    return null;
  }

  /** "Changed my mind": closed politely ("Totally understand…"), no more questions. */
  closeOnChangedMind(event: 'seller_changed_mind' | 'buyer_changed_mind'): void {
    this.state.stage = 'closed';
    this.state.closedReason = 'changed_mind';
    this.state.pending = null;
    this.say('seller.changed_mind', {}, { keep: true });
    this.audit(event);
  }

  /**
   * Ends the qualifying with a person to take over: "I'll have <agent> reach out", said once (it
   * replaces the lighter line a question given up on this turn said).
   */
  handOff(): void {
    const skip = this.parts.findIndex((p) => p.text === this.skipLine);
    if (skip >= 0) this.parts.splice(skip, 1);
    if (!this.parts.some((p) => p.text === this.phrase('loop.handoff')))
      this.say('loop.handoff', {}, { keep: true });
  }

  hasTag(tag: string): boolean {
    return this.tags.some((x) => x.toLowerCase() === tag.toLowerCase());
  }

  addTags(...tags: string[]): void {
    const add = tags.filter((tag) => !this.hasTag(tag));
    if (add.length === 0) return;
    this.tags.push(...add);
    this.actions.push({ type: 'add_tags', tags: add });
  }

  removeTags(...tags: string[]): void {
    const present = this.tags.filter((x) => tags.some((tag) => tag.toLowerCase() === x.toLowerCase()));
    if (present.length === 0) return;
    this.tags = this.tags.filter((x) => !present.includes(x));
    this.actions.push({ type: 'remove_tags', tags: present });
  }

  setField(key: ContactFieldKey, value: FieldValue | undefined): void {
    if (value === undefined) return;
    const current = this.contact.fields[key];
    if (JSON.stringify(current) === JSON.stringify(value)) return;
    this.fields[key] = value;
  }

  task(title: string, body: string, dueInHours = 4): void {
    this.actions.push({
      type: 'create_task',
      title,
      body,
      dueAt: new Date(this.now.getTime() + dueInHours * 3_600_000).toISOString(),
    });
  }

  escalate(reason: string, detail: Record<string, unknown> = {}): void {
    this.escalation ??= { reason, detail };
  }

  flagCompliance(
    type: NonNullable<TurnContext['compliance']>['type'],
    rule: string,
    reply: 'sent' | 'withheld' = 'sent',
  ): void {
    this.compliance ??= { type, rule, reply };
  }

  /** Replaces whatever was said this turn with the persona's holding message. */
  holdingMessage(): void {
    this.parts.length = 0;
    // Asked for a person again while waiting: the same promise in other words, not a repeat.
    this.sayOnceInTheseWords('escalation.holding');
    this.state.pending = null;
  }

  /** Says a kept line, in its second wording when the last reply already said the first. */
  sayOnceInTheseWords(key: string, params: Params = {}): void {
    const again = this.state.lastReply?.includes(this.phrase(key, params, 0)) ?? false;
    this.say(key, params, { keep: true, variant: again ? 1 : 0 });
  }

  audit(action: string, detail: Record<string, unknown> = {}): void {
    this.events.push({ action, detail });
  }

  /**
   * Joins the parts, dropping optional ones (oldest first) until the reply fits. A sentence said
   * already is said once: two policies may each add "Thanks." before their line.
   */
  compose(maxLength: number): string | null {
    if (this.parts.length === 0) return null;
    const said = new Set<string>();
    const parts = this.parts.filter((p) => {
      if (said.has(p.text) && p.asks === undefined) return false;
      said.add(p.text);
      return true;
    });
    const join = () => parts.map((p) => p.text).join(' ');
    while (join().length > maxLength) {
      let i = parts.findIndex((p) => !p.keep);
      // Answering the lead comes first: our next question waits for the next message.
      if (i === -1) i = parts.findIndex((p) => p.asks !== undefined);
      if (i === -1 || parts.length === 1) break;
      const [dropped] = parts.splice(i, 1);
      if (dropped?.asks) this.unask(dropped.asks);
    }
    return join();
  }

  /** A question that did not fit is not asked: nothing is pending for it and it does not count. */
  private unask(key: string): void {
    const times = (this.state.asked[key] ?? 1) - 1;
    if (times > 0) this.state.asked[key] = times;
    else delete this.state.asked[key];
    if (this.state.lastAsked === key) this.state.lastAsked = null;
    if (this.state.pending === key) this.state.pending = this.pendingBefore;
  }

  /** The bot that owns the conversation, capitalised as tags spell it. */
  static label(bot: BotName): string {
    return bot.charAt(0).toUpperCase() + bot.slice(1);
  }
}
