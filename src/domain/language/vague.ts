import { simplify } from './normalize.ts';

// Whole-message answers that say nothing; a message made only of these is vague ("idk maybe").
const VAGUE_PHRASES = [
  'i dont know',
  'i dont know yet',
  'dont know',
  'i dunno',
  'dunno',
  'idk',
  'idek',
  'not sure',
  'im not sure',
  'not sure yet',
  'unsure',
  'maybe',
  'maybe later',
  'perhaps',
  'possibly',
  'we will see',
  'well see',
  'we shall see',
  'i guess',
  'i suppose',
  'depends',
  'it depends',
  'whatever',
  'hmm',
  'hm',
  'mm',
  'eh',
  'meh',
  'k',
  'kk',
  'ok',
  'okay',
  'sure',
  'lol',
  'haha',
  'who knows',
  'good question',
  'not really sure',
  'quizas',
  'quiza',
  'tal vez',
  'a lo mejor',
  'no se',
  'no lo se',
  'no se todavia',
  'ni idea',
  'puede ser',
  'depende',
  'pues',
  'ya veremos',
  'jaja',
  'mmm',
  'este',
  'ok ok',
  'hmmm',
  'no estoy seguro',
  'no estoy segura',
];
const FILLERS = new Set('um umm uh uhh well so like just really yet bueno pues este eh'.split(' '));
const PHRASE_WORDS = VAGUE_PHRASES.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
const ELONGATED = /([a-z])\1{2,}/g;

/** True when a short reply carries no answer: "maybe", "k", "idk", "not sure", "we'll see", "hmm", "?", "quizás", "no sé". */
export function isVague(text: string): boolean {
  const simple = simplify(text);
  if (simple.length === 0) return false;
  const tokens = simple
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(ELONGATED, '$1$1')
    .split(' ')
    .filter((t) => t.length > 0 && !FILLERS.has(t));
  if (tokens.length === 0) return /[?.!]/.test(simple) || FILLERS.has(simple.replace(/[^a-z]/g, ''));
  if (tokens.length > 8) return false;
  const all = simple
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(ELONGATED, '$1$1')
    .split(' ')
    .filter(Boolean);
  return onlyVaguePhrases(tokens) || onlyVaguePhrases(all);
}

function onlyVaguePhrases(tokens: string[]): boolean {
  let i = 0;
  while (i < tokens.length) {
    const at = i;
    const phrase = PHRASE_WORDS.find((p) => p.every((w, k) => tokens[at + k] === w));
    if (!phrase) return false;
    i += phrase.length;
  }
  return true;
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
// Four keys in a row on the home or bottom row never occur in words; the top row needs five ("property").
const ROW_RUNS: string[] = [];
for (const row of KEYBOARD_ROWS) {
  const size = row === 'qwertyuiop' ? 5 : 4;
  for (let i = 0; i + size <= row.length; i++) {
    const run = row.slice(i, i + size);
    ROW_RUNS.push(run, [...run].reverse().join(''));
  }
}
const CONSONANT_RUN = /[bcdfghjklmnpqrstvwxz]{6,}/;
const LAUGH_OR_HUM =
  /^(?:h+m+|m+|a+h+|o+h+|u+h+|(?:ha)+h?|(?:ja)+j?|(?:he)+|(?:je)+|lo+l|z+|s+h+|b+r+|p+s+t+)$/;

function looksMashed(word: string): boolean {
  if (word.length < 4 || LAUGH_OR_HUM.test(word)) return false;
  if (ROW_RUNS.some((run) => word.includes(run))) return true;
  if (CONSONANT_RUN.test(word)) return true;
  if (word.length >= 5 && !/[aeiouy]/.test(word)) return true;
  return word.length >= 6 && new Set(word).size <= 2;
}

/** True for random key presses ("asdfjkl", "sdkjfhskdjf"): every word of the message looks mashed. */
export function isKeyboardMash(text: string): boolean {
  const tokens = simplify(text).match(/[a-z]+|\d+/g) ?? [];
  if (tokens.length === 0 || tokens.length > 3) return false;
  return tokens.every((t) => /^[a-z]+$/.test(t) && looksMashed(t));
}
