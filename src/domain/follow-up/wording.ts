import type { Lang } from '../state.ts';
import { followUpEn } from './templates-en.ts';
import type { FollowUpWording } from './wording-shape.ts';
import { followUpEs } from './templates-es.ts';

export type { FollowUpWording };

const WORDING: Record<Lang, FollowUpWording> = { en: followUpEn, es: followUpEs };

export function wordingFor(lang: Lang): FollowUpWording {
  return WORDING[lang];
}
