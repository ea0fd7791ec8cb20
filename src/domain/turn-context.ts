import type { BotsConfig } from './bots-config.ts';
import type { BotName, ContactView, CrmAction, FieldValue } from './conversation.ts';
import type { Listing } from './buyer/listing.ts';
import { introduce } from './knowledge/index.ts';
import type { Reading } from './read-message.ts';
import type { ConversationState, Lang } from './state.ts';
import { type Params, t, variants } from './templates/index.ts';

export interface AuditEvent {
  action: string;
  detail: Record<string, unknown>;
}

/** One reply piece. `keep` pieces survive when the SMS must be shortened; the others go first. */
interface Part {
  text: string;
  keep: boolean;
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
  /** Tags as they will be after this turn (case-insensitive set semantics). */
  tags: string[];
  /** Fields this turn sets (merged into one set_fields action). */
  fields: Record<string, FieldValue> = {};
  /** True once a bot wrote the reply for this turn. */
  answered = false;
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

  say(key: string, params: Params = {}, opts: { variant?: number; keep?: boolean } = {}): void {
    this.parts.push({ text: this.phrase(key, params, opts.variant ?? 0), keep: opts.keep ?? false });
    this.answered = true;
  }

  /**
   * Asks a question and remembers it as pending. `attempt` rotates the wording, and the text is
   * never the same as the previous reply.
   */
  ask(key: string, attempt = 0): void {
    const list = variants(this.lang, key, this.cfg.questions[this.lang]);
    let v = attempt % list.length;
    const text = (i: number) => this.phrase(key, {}, i);
    if (list.length > 1 && this.state.lastReply?.endsWith(text(v))) v = (v + 1) % list.length;
    this.parts.push({ text: text(v), keep: true });
    this.state.pending = key;
    this.state.asked[key] = (this.state.asked[key] ?? 0) + 1;
    this.state.lastAsked = key;
    this.answered = true;
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

  setField(key: string, value: FieldValue | undefined): void {
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
    this.say('escalation.holding', {}, { keep: true });
    this.state.pending = null;
  }

  audit(action: string, detail: Record<string, unknown> = {}): void {
    this.events.push({ action, detail });
  }

  /** Joins the parts, dropping optional ones (oldest first) until the reply fits. */
  compose(maxLength: number): string | null {
    if (this.parts.length === 0) return null;
    const parts = [...this.parts];
    const join = () => parts.map((p) => p.text).join(' ');
    while (join().length > maxLength) {
      const i = parts.findIndex((p) => !p.keep);
      if (i === -1 || parts.length === 1) break;
      parts.splice(i, 1);
    }
    return join();
  }

  /** The bot that owns the conversation, capitalised as tags spell it. */
  static label(bot: BotName): string {
    return bot.charAt(0).toUpperCase() + bot.slice(1);
  }
}
