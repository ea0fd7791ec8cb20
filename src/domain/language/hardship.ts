import { simplify } from './normalize.ts';

export type Hardship = 'divorce' | 'death' | 'debt' | 'underwater';

const PERSON =
  '(?:mom|mother|dad|father|parents?|grandm\\w*|grandp\\w*|grandparents|husband|wife|spouse|partner|son|daughter|child|brother|sister|aunt|uncle|he|she|they|mama|papa|madre|padre|esposo|esposa|hijo|hija|hermano|hermana|abuel[oa]|tio|tia)';
const DEATH = new RegExp(
  `\\b(?:passed away|passed on|${PERSON} (?:just |recently )?(?:passed|died)|(?:lost|losing) (?:my|our) ${PERSON}|death|funeral|(?<!real )estate|probate|fallecio|fallecer|fallecimiento|murio|en paz descanse|perdimos a|perdi a|enterramos a|sepultamos a)\\b`,
);
const DIVORCE = /\b(?:divorc\w*|separat(?:ed|ing|ion)|splitting up|split up|separad[oa]s?|separacion)\b/;
const UNDERWATER =
  /\b(?:owe (?:more|way more) than (?:its|it is|the house is|the home is|what its|what it is) worth|owe more than (?:it|the house) (?:would sell for|is worth)|underwater|upside down|negative equity|short sale|debemos mas de lo que vale|debo mas de lo que vale)\b/;
const DEBT =
  /\b(?:behind (?:on|in) (?:\w+ )?(?:payments?|mortgage|the mortgage|taxes|bills)|(?:pre-?)?foreclos\w*|notice of default|bankrupt\w*|(?:in|drowning in|buried in) debt|debts?|collections|(?:cant|cannot|can not|unable to) (?:afford|make (?:the )?payments|pay)|lost (?:my|his|her|our) jobs?|laid off|medical bills|deudas?|atrasad[oa]s?|embargo|ejecucion hipotecaria|no (?:podemos|puedo) pagar|perdi (?:mi|el) trabajo)\b/;

/**
 * A hardship worth one line of empathy: a divorce, a death, debt, or owing more than the house is
 * worth ("underwater", "upside down"). Null otherwise; a dead water heater is not a death.
 */
export function detectHardship(text: string): Hardship | null {
  const simple = simplify(text);
  if (DEATH.test(simple)) return 'death';
  if (DIVORCE.test(simple)) return 'divorce';
  if (UNDERWATER.test(simple)) return 'underwater';
  if (DEBT.test(simple)) return 'debt';
  return null;
}
