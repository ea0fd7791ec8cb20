import { remember } from '../remember.ts';
import { clauses, sentences } from './text.ts';

// The keyword reader, the question reader and the compliance screen all split the same message;
// it is split once. The lists are shared, so they are read-only.
export const sentencesOf: (text: string) => readonly string[] = remember(sentences);
export const clausesOf: (text: string) => readonly string[] = remember(clauses);
