import { checkOutbound, countQuestions } from '../../src/domain/compliance/index.ts';
import { defaultNeighborhoods } from '../../src/domain/language/index.ts';
import type { Expectation } from './scenario-format.ts';

/** What the sandbox API returned for one turn, plus the CRM work and audit rows it caused. */
export interface TurnResult {
  bot: string;
  replies: { channel: string; body: string }[];
  temperature: string | null;
  tags: string[];
  fields: Record<string, unknown>;
  optedOut: boolean;
  outboxKinds: string[];
  auditActions: string[];
}

const SMS_MAX = 160;
// Checked here on their own as well as through checkOutbound, so a gap in one is caught by the other.
// The lead's own email address read back to them ("we'll write to you at ana@gmail.com") is not a
// link, as checkOutbound also holds: a domain right after "@" does not count.
const URL_LIKE = /https?:\/\/|www\.|(?<![@\w.-])[a-z0-9-]+\.(?:com|net|org|io|co|us|ly|me|info|biz)\b/i;
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const LONG_DASH = /[\u2012-\u2015]/;
const RUDE = /\b(?:stupid|idiot|dumb|shut up|moron|loser|pathetic|ridiculous)\b/i;
// A template key or placeholder that leaked instead of its wording: "lead.intent", "{agent}".
const LEAKED = /\b(?:lead|seller|buyer|schedule|compliance|misc|ack|empathy)\.[a-z_]+\b|\{\w+\}/;

const ES_WORDS = new Set(
  'usted le les su sus que qué para por con el la los las una un de del es está hola gracias casa vender comprar cuál cuándo dónde quiere puede mejor ya se lo sí y en mi'.split(
    ' ',
  ),
);
const EN_WORDS = new Set(
  (
    'the you your and is are what would thanks home homes to for with will can we our it of in an be have that this do ' +
    'but or any like yet new up often how many need got see then fits best so far just let me know when where which ' +
    'there here some more ready happy help sure great thank perfect understood'
  ).split(' '),
);

/** 'es' when Spanish words (or ¿ ¡ ñ and accents) outweigh English ones, 'en' when the reverse. */
export function replyLanguage(text: string): 'en' | 'es' | null {
  let es = (text.match(/[¿¡ñáéíóú]/gi)?.length ?? 0) * 2;
  let en = 0;
  for (const w of text.toLowerCase().match(/[a-záéíóúñü']+/g) ?? []) {
    if (ES_WORDS.has(w)) es += 1;
    if (EN_WORDS.has(w)) en += 1;
  }
  if (es === en) return null;
  return es > en ? 'es' : 'en';
}

/** The rules every reply must follow, whatever the scenario. */
export function universalProblems(
  body: string,
  ctx: {
    channel: string;
    lang: 'en' | 'es';
    aiDisclosure: boolean;
    previous: string | null;
    allowRepeat: boolean;
  },
): string[] {
  const problems: string[] = [];
  if (ctx.channel === 'SMS' && [...body].length > SMS_MAX)
    problems.push(`longer than ${SMS_MAX} characters (${[...body].length})`);
  if (countQuestions(body) > 1) problems.push('asks more than one question');
  if (URL_LIKE.test(body)) problems.push('contains a URL');
  if (EMOJI.test(body)) problems.push('contains an emoji');
  if (LONG_DASH.test(body)) problems.push('contains an em/en dash');
  if (RUDE.test(body)) problems.push('rude wording');
  if (LEAKED.test(body)) problems.push('a template key or placeholder leaked into the reply');
  const check = checkOutbound(body, {
    maxLength: ctx.channel === 'SMS' ? SMS_MAX : 1000,
    agentName: 'Jorge',
    allowAiDisclosure: ctx.aiDisclosure,
    placeNames: defaultNeighborhoods,
  });
  if (!check.ok) problems.push(`outbound check failed: ${check.violations.join(', ')}`);
  const lang = replyLanguage(body);
  if (lang !== null && lang !== ctx.lang)
    problems.push(`reply is in ${lang}, conversation is in ${ctx.lang}`);
  if (lang === null && /[a-z]{3,}(?:\s+[a-z]{3,}){3}/i.test(body))
    problems.push(`cannot tell the reply language (expected ${ctx.lang})`);
  if (!ctx.allowRepeat && ctx.previous !== null && ctx.previous === body)
    problems.push('same text as the previous reply');
  return problems;
}

const hasTag = (tags: string[], tag: string) => tags.some((t) => t.toLowerCase() === tag.toLowerCase());
const re = (source: string) => new RegExp(source, 'iu');

/** The scenario's own expectations for one turn. */
export function expectationProblems(e: Expectation, r: TurnResult): string[] {
  const problems: string[] = [];
  const body = r.replies[0]?.body ?? '';
  if (e.bot !== undefined && r.bot !== e.bot) problems.push(`bot is ${r.bot}, expected ${e.bot}`);
  if (e.reply === true && r.replies.length !== 1)
    problems.push(`expected one reply, got ${r.replies.length}`);
  if (e.reply === false && r.replies.length !== 0) problems.push(`expected no reply, got "${body}"`);
  for (const p of e.match ?? []) if (!re(p).test(body)) problems.push(`reply does not match /${p}/`);
  for (const p of e.notMatch ?? []) if (re(p).test(body)) problems.push(`reply matches forbidden /${p}/`);
  if (e.question === true && countQuestions(body) !== 1) problems.push('reply asks no question');
  if (e.question === false && countQuestions(body) !== 0) problems.push('reply asks a question');
  if (e.temperature !== undefined && r.temperature !== e.temperature)
    problems.push(`temperature is ${r.temperature}, expected ${e.temperature}`);
  for (const t of e.tags ?? []) if (!hasTag(r.tags, t)) problems.push(`missing tag ${t}`);
  for (const t of e.notTags ?? []) if (hasTag(r.tags, t)) problems.push(`unexpected tag ${t}`);
  for (const [k, v] of Object.entries(e.fields ?? {})) {
    if (r.fields[k] !== v)
      problems.push(`field ${k} is ${JSON.stringify(r.fields[k])}, expected ${JSON.stringify(v)}`);
  }
  for (const [k, p] of Object.entries(e.fieldsMatch ?? {})) {
    const v = r.fields[k];
    const text = Array.isArray(v) ? v.join(', ') : v === undefined ? '' : String(v);
    if (v === undefined || !re(p).test(text))
      problems.push(`field ${k} is ${JSON.stringify(v)}, expected /${p}/`);
  }
  for (const [k, [min, max]] of Object.entries(e.fieldsRange ?? {})) {
    const v = r.fields[k];
    if (typeof v !== 'number' || v < min || v > max)
      problems.push(`field ${k} is ${JSON.stringify(v)}, expected ${min}..${max}`);
  }
  for (const k of e.notFields ?? [])
    if (r.fields[k] !== undefined) problems.push(`field ${k} is set (${JSON.stringify(r.fields[k])})`);
  if (e.optedOut !== undefined && r.optedOut !== e.optedOut) problems.push(`optedOut is ${r.optedOut}`);
  const kinds: Record<string, string> = {
    task: 'create_task',
    note: 'add_note',
    appointment: 'create_appointment',
  };
  for (const [what, wanted] of Object.entries(e.crm ?? {})) {
    const done = r.outboxKinds.includes(kinds[what]!);
    if (wanted !== done) problems.push(wanted ? `no CRM ${what} was created` : `a CRM ${what} was created`);
  }
  for (const a of e.audit ?? []) if (!r.auditActions.includes(a)) problems.push(`no audit row "${a}"`);
  return problems;
}
