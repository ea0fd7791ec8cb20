import { formatUsd } from '../follow-up/format.ts';
import type { AnswerData, KnowledgeFacts, KnowledgeTopic, Lang } from './types.ts';

/** Placeholders any answer may use; each is known only when the realtor configured it. */
export const FACT_PLACEHOLDERS = ['agent', 'intro', 'assistant', 'brokerage', 'license', 'market', 'email'];

/** What each data-backed topic answers from, and the placeholders its data fills. */
export const DATA_TOPICS = {
  home_value: { kind: 'value', source: 'data:cma', placeholders: ['low', 'high', 'address'] },
  listing_status: {
    kind: 'listing',
    source: 'data:listings',
    placeholders: ['address', 'price', 'beds', 'status'],
  },
  area_info: { kind: 'area', source: 'data:comps', placeholders: ['area', 'median', 'months', 'days'] },
  market: { kind: 'area', source: 'data:comps', placeholders: ['area', 'median', 'months', 'days'] },
} as const satisfies Partial<
  Record<KnowledgeTopic, { kind: AnswerData['kind']; source: string; placeholders: readonly string[] }>
>;

export type DataTopic = keyof typeof DATA_TOPICS;

export function isDataTopic(topic: KnowledgeTopic): topic is DataTopic {
  return topic in DATA_TOPICS;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The `{names}` a wording uses, in order, without repeats. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

const STATUS: Record<Lang, Record<'active' | 'pending' | 'sold', string>> = {
  en: { active: 'still available', pending: 'under contract', sold: 'already sold' },
  es: { active: 'disponible', pending: 'bajo contrato', sold: 'vendida' },
};

/**
 * How the assistant introduces itself: "Alex, Jorge's assistant at Keller Williams", or
 * "Jorge's assistant" when no name or brokerage is configured. Never the agent's own name alone.
 */
export function introduce(
  facts: Pick<KnowledgeFacts, 'agentName' | 'assistantName' | 'brokerage'>,
  lang: Lang,
) {
  const role = lang === 'es' ? `asistente de ${facts.agentName}` : `${facts.agentName}'s assistant`;
  const at = facts.brokerage ? `${lang === 'es' ? ' en' : ' at'} ${facts.brokerage}` : '';
  return `${facts.assistantName ? `${facts.assistantName}, ` : ''}${role}${at}`;
}

const text = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);
const count = (n: number | undefined) =>
  n !== undefined && Number.isInteger(n) && n >= 2 ? String(n) : undefined;
const dollars = (n: number) => (Number.isFinite(n) && n > 0 ? formatUsd(n) : undefined);

/** The values the placeholders take; a missing key means the fact is not known. */
export function paramsFor(facts: KnowledgeFacts, lang: Lang, data?: AnswerData): Record<string, string> {
  const all: Record<string, string | undefined> = {
    agent: facts.agentName,
    intro: introduce(facts, lang),
    assistant: text(facts.assistantName),
    brokerage: text(facts.brokerage),
    license: text(facts.licenseNumber),
    market: facts.market,
    email: text(facts.leadEmail),
  };
  if (data?.kind === 'value') {
    Object.assign(all, { low: dollars(data.low), high: dollars(data.high), address: text(data.address) });
  } else if (data?.kind === 'listing') {
    Object.assign(all, {
      address: text(data.address),
      price: dollars(data.price),
      beds: count(data.beds),
      status: STATUS[lang][data.status],
    });
  } else if (data?.kind === 'area') {
    Object.assign(all, {
      area: text(data.area),
      median: dollars(data.median),
      months: count(data.months),
      days: count(data.days),
    });
  }
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The wording with every placeholder filled, or null when one of them is not known. */
export function fillWording(wording: string, params: Record<string, string>): string | null {
  if (placeholdersOf(wording).some((name) => !(name in params))) return null;
  return wording.replace(PLACEHOLDER, (_, name: string) => params[name] ?? '');
}
