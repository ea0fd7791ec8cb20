import type { Lang } from '../state.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { policyEn } from './policy-en.ts';
import { policyEs } from './policy-es.ts';

export type Params = Record<string, string | number | undefined>;

const TABLES: Record<Lang, Record<string, string[]>> = {
  en: { ...en, ...policyEn },
  es: { ...es, ...policyEs },
};

/** All variants of a phrase; a bots-config override replaces the built-in wording. */
export function variants(lang: Lang, key: string, overrides?: Record<string, string[]>): string[] {
  const own = overrides?.[key];
  if (own && own.length > 0) return own;
  return TABLES[lang][key] ?? TABLES.en[key] ?? [key];
}

export function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** One phrase: `variant` picks (cyclically) among the variants. */
export function t(
  lang: Lang,
  key: string,
  params: Params = {},
  variant = 0,
  overrides?: Record<string, string[]>,
): string {
  const list = variants(lang, key, overrides);
  return fill(list[variant % list.length] ?? key, params);
}

export function hasKey(key: string): boolean {
  return key in TABLES.en;
}
